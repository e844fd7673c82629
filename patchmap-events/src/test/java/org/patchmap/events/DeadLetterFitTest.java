package org.patchmap.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dead letter always fits the event limit, and names the whole record by its size and digest. */
class DeadLetterFitTest {
    private static final Instant AT = Instant.parse("2026-12-03T17:00:00Z");
    private static final String KEY = "upload:0000000000000007/huge.nwb";

    private static DeadLetterEvent letterOf(String record) {
        return DeadLetterEvent.of("feature-service", "patchmap.sweeps", 2, 41, KEY, record,
                new InvalidEventException("patchmap.sweeps: field 'cellId' is missing or blank"), AT);
    }

    /** A record of {@code bytes} bytes whose every tenth char is a quote (escaped as two bytes in JSON). */
    private static String recordOf(int bytes) {
        StringBuilder b = new StringBuilder(bytes);
        for (int i = 0; i < bytes; i++) {
            b.append(i % 10 == 9 ? '"' : (char) ('a' + i % 26));
        }
        return b.toString();
    }

    @Test
    void aSmallRecordIsKeptWholeWithItsSizeAndDigest() {
        String record = "{\"schemaVersion\":1,\"samplingRateHz\":20000.0}";
        DeadLetterEvent letter = letterOf(record);
        assertEquals(record, letter.failedRecord());
        assertEquals(44L, letter.failedRecordBytes());
        assertEquals(Sha256.hex(record.getBytes(StandardCharsets.UTF_8)), letter.failedRecordSha256());
        assertFalse(letter.failedRecordTruncated());
    }

    @Test
    void aRecordNearTheEventLimitIsCutToFitAndKeepsItsKeyDigestAndSize() {
        String record = recordOf(EventJson.MAX_EVENT_BYTES - 100);
        DeadLetterEvent letter = letterOf(record);

        String json = EventJson.write(letter); // throws when over the limit
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= EventJson.MAX_EVENT_BYTES, bytes + " bytes");
        // the longest prefix that fits: one more char would not (a quote costs 2 bytes)
        assertTrue(bytes > EventJson.MAX_EVENT_BYTES - 2, bytes + " bytes");
        assertEquals(KEY, letter.key());
        assertEquals(524188L, letter.failedRecordBytes());
        assertEquals(Sha256.hex(record.getBytes(StandardCharsets.UTF_8)), letter.failedRecordSha256());
        assertTrue(letter.failedRecordTruncated());
        assertTrue(record.startsWith(letter.failedRecord()));
        assertTrue(letter.failedRecord().length() > 470_000, letter.failedRecord().length() + " chars");
        assertEquals(letter, EventJson.read("patchmap.sweeps.dlq", json, DeadLetterEvent.class));
    }

    @Test
    void aCutNeverSplitsACharacter() {
        // 4-byte characters (surrogate pairs in Java): 200,000 of them are 800,000 bytes
        String record = "😀".repeat(200_000);
        DeadLetterEvent letter = letterOf(record);
        assertTrue(EventJson.write(letter).getBytes(StandardCharsets.UTF_8).length <= EventJson.MAX_EVENT_BYTES);
        assertEquals(800_000L, letter.failedRecordBytes());
        assertEquals(0, letter.failedRecord().length() % 2);
        assertEquals(letter.failedRecord(), "😀".repeat(letter.failedRecord().length() / 2));
    }

    @Test
    void aLetterWithoutTheNewFieldsStillReads() {
        String old = "{\"schemaVersion\":1,\"service\":\"feature-service\",\"topic\":\"patchmap.sweeps\","
                + "\"partition\":0,\"offset\":17,\"exceptionClass\":\"x.Y\",\"reason\":\"bad\","
                + "\"failedRecord\":\"{}\",\"failedAt\":\"2026-11-24T10:00:08Z\"}";
        DeadLetterEvent letter = EventJson.read("patchmap.sweeps.dlq", old, DeadLetterEvent.class);
        assertEquals("{}", letter.failedRecord());
        assertEquals(null, letter.failedRecordBytes());
        assertEquals(null, letter.failedRecordTruncated());
    }
}
