package org.patchmap.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad record is refused with a message that names the topic and the cause. */
class EventValidationTest {

    private static String readError(String topic, String json, Class<?> type) {
        return assertThrows(InvalidEventException.class, () -> EventJson.read(topic, json, type)).getMessage();
    }

    @Test
    void notJson() {
        String msg = readError(Topics.SWEEPS, "{\"schemaVersion\": 1,", SweepFamilyEvent.class);
        assertTrue(msg.startsWith("patchmap.sweeps: not a valid SweepFamilyEvent (Unexpected end-of-input"), msg);
        assertTrue(msg.endsWith("at line 1, column 21)"), msg);
    }

    @Test
    void emptyRecord() {
        assertEquals("patchmap.assets: empty record", readError(Topics.ASSETS, "  ", AssetEvent.class));
    }

    @Test
    void missingSchemaVersion() {
        assertEquals("patchmap.features: field 'schemaVersion' is missing",
                readError(Topics.FEATURES, "{\"cellId\":\"x\"}", FeaturesEvent.class));
    }

    @Test
    void futureSchemaVersion() {
        assertEquals("patchmap.maps: unsupported schemaVersion 2 (this code reads version 1)",
                readError(Topics.MAPS, "{\"schemaVersion\":2}", MapEvent.class));
    }

    @Test
    void missingNumberIsNamed() {
        String json = """
                {"schemaVersion":1,"service":"s","topic":"t","offset":3,"exceptionClass":"E","reason":"r",
                 "failedAt":"2026-11-24T10:00:00Z"}
                """;
        assertEquals("patchmap.sweeps.dlq: field 'partition' is missing",
                readError("patchmap.sweeps.dlq", json, DeadLetterEvent.class));
    }

    @Test
    void notAnObject() {
        assertEquals("patchmap.assets: not a JSON object", readError(Topics.ASSETS, "[1,2]", AssetEvent.class));
    }

    @Test
    void missingCellId() {
        assertEquals("patchmap.sweeps: field 'cellId' is missing or blank",
                readError(Topics.SWEEPS, "{\"schemaVersion\":1,\"samplingRateHz\":20000.0}", SweepFamilyEvent.class));
    }

    @Test
    void nestedProblemIsNamed() {
        String json = """
                {"schemaVersion":1,"source":"dandi","fileKey":"dandi:000008/a.nwb",
                 "provenance":{"source":"dandi","dandisetId":"000008","version":"draft","path":"a.nwb"},
                 "sizeBytes":10,"digest":"sha2-256:00","downloadUrl":"http://x","publishedAt":"2026-11-24T10:00:00Z"}
                """;
        assertEquals("patchmap.assets: provenance: field 'assetId' is missing or blank",
                readError(Topics.ASSETS, json, AssetEvent.class));
    }

    @Test
    void nanFeatureIsRefused() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> new FeaturesEvent.FeatureValue(Double.NaN, "mV"));
        assertEquals("patchmap.features: a feature value is NaN; use null and a qc reason", e.getMessage());
    }

    @Test
    void nullFeatureNeedsAReason() {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> new FeaturesEvent(1, "c",
                Provenance.upload("a.abf"), "d", Map.of("tau", new FeaturesEvent.FeatureValue(null, "s")), Map.of(),
                "patchmap-core dev", Instant.EPOCH));
        assertEquals("patchmap.features: feature 'tau' is null without a qc reason", e.getMessage());
    }

    @Test
    void oversizedEventIsRefused() {
        SweepFamilyEvent.SweepSummary sweep = new SweepFamilyEvent.SweepSummary(1, 10.0, List.of("x".repeat(600_000)));
        SweepFamilyEvent event = new SweepFamilyEvent(1, "c", Provenance.upload("a.abf"), "d", 10000,
                new SweepFamilyEvent.Window(0.1, 1.1), List.of(sweep), List.of(),
                new SweepFamilyEvent.TraceRef("traces", "id", "enc", 1, "ff", 1), Instant.EPOCH);
        String msg = assertThrows(InvalidEventException.class, () -> EventJson.write(event)).getMessage();
        assertTrue(msg.startsWith("SweepFamilyEvent is 600"), msg);
        assertTrue(msg.endsWith("bytes, over the 524288-byte event limit: large data goes to GridFS"), msg);
    }

    @Test
    void displayMustHoldTheFamilysSweeps() {
        SweepFamilyEvent.TraceRef traces = new SweepFamilyEvent.TraceRef("traces", "id", "enc", 1, "ff", 1);
        SweepFamilyEvent.TraceRef display = new SweepFamilyEvent.TraceRef("traces", "id2", "enc", 1, "ff", 2);
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> new SweepFamilyEvent(1, "c",
                Provenance.upload("a.abf"), "d", 10000, new SweepFamilyEvent.Window(0.1, 1.1),
                List.of(new SweepFamilyEvent.SweepSummary(1, 10.0, List.of())), List.of(), traces, display,
                Instant.EPOCH));
        assertEquals("patchmap.sweeps: display holds 2 sweeps but the event lists 1", e.getMessage());
    }

    @Test
    void eventWithoutDisplayIsStillRead() {
        String json = "{\"schemaVersion\":1,\"cellId\":\"c\",\"provenance\":{\"source\":\"upload\",\"path\":\"a.abf\"},"
                + "\"inputDigest\":\"d\",\"samplingRateHz\":10000.0,\"window\":{\"startS\":0.1,\"endS\":1.1},"
                + "\"sweeps\":[{\"sweepNumber\":1,\"amplitudePa\":10.0}],\"traces\":{\"bucket\":\"traces\","
                + "\"fileId\":\"id\",\"encoding\":\"enc\",\"sizeBytes\":1,\"sha256\":\"ff\",\"sweepCount\":1},"
                + "\"extractedAt\":\"2026-11-24T10:00:05Z\"}";
        SweepFamilyEvent event = EventJson.read(Topics.SWEEPS, json, SweepFamilyEvent.class);
        assertEquals(null, event.display());
        assertFalse(EventJson.write(event).contains("display"));
    }

    @Test
    void deadLetterKeepsTheCause() {
        DeadLetterEvent d = DeadLetterEvent.of("feature-service", Topics.SWEEPS, 0, 17, "k", "{}",
                new InvalidEventException("patchmap.sweeps: field 'cellId' is missing or blank"), Instant.EPOCH);
        assertEquals("org.patchmap.events.InvalidEventException", d.exceptionClass());
        assertEquals("patchmap.sweeps: field 'cellId' is missing or blank", d.reason());
        assertEquals("NullPointerException without a message", DeadLetterEvent.of("s", "t", 0, 0, null, "",
                new NullPointerException(), Instant.EPOCH).reason());
    }

    @Test
    void cellIds() {
        assertEquals("dandi:000008/sub-1/a.nwb", CellIds.dandiFile("000008", "sub-1/a.nwb"));
        assertEquals("dandi:000008/sub-1/a.nwb#2", CellIds.cell("dandi:000008/sub-1/a.nwb", 2));
        assertEquals("dandi:000008/sub-1/a.nwb", CellIds.fileKey("dandi:000008/sub-1/a.nwb#2"));
        assertEquals("upload:0123456789abcdef/PYR2.abf",
                CellIds.uploadFile("0123456789abcdef0123456789abcdef", "PYR2.abf"));
    }
}
