package org.patchmap.messaging.replay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.deploy.testing.TestInfrastructure;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.InvalidEventException;
import org.patchmap.events.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dead letters on the real in-process broker, listed and sent back to their topic. */
class DeadLetterReplayTest {
    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

    private final String topic = "patchmap.replay-test-" + UUID.randomUUID();
    private final String dlq = topic + ".dlq";
    private final DeadLetterReplay replay = new DeadLetterReplay(
            Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(), "group.id", "ignored"),
            Duration.ofSeconds(30));

    /** A letter of a record of partition 2 of the test's topic. */
    private DeadLetterEvent letter(long offset, String key, String record, int minute) {
        return DeadLetterEvent.of("feature-service", topic, 2, offset, key, record,
                new InvalidEventException("patchmap.sweeps: field 'cellId' is missing"), T0.plusSeconds(60L * minute));
    }

    /** A record of {@code bytes} bytes: a JSON object with one long string. */
    private static String recordOf(int bytes) {
        String head = "{\"pad\":\"";
        return head + "x".repeat(bytes - head.length() - 2) + "\"}";
    }

    @Test
    void twoLettersGoBackUnderTheirKeysAndATruncatedOneIsRefused() {
        String huge = recordOf(524_000);
        KafkaTestClient.send(dlq, 0, "cell-a", EventJson.write(letter(40, "cell-a", "{\"a\":1}", 0)));
        KafkaTestClient.send(dlq, 0, "cell-big", EventJson.write(letter(41, "cell-big", huge, 1)));
        KafkaTestClient.send(dlq, 0, "cell-b", EventJson.write(letter(42, "cell-b", "{\"b\":\"é\"}", 2)));

        List<StoredDeadLetter> listed = replay.list(dlq, 100);
        assertEquals(List.of(0L, 1L, 2L), listed.stream().map(StoredDeadLetter::dlqOffset).toList());
        assertEquals(List.of(false, true, false), listed.stream().map(StoredDeadLetter::truncated).toList());
        assertEquals(List.of(41L, 42L), replay.list(dlq, 2).stream().map(s -> s.letter().offset()).toList());

        KafkaTestClient.Position before = KafkaTestClient.end(topic);
        List<LetterReplay> answers = replay.replay(dlq, 0, List.of(0L, 1L, 2L));

        assertEquals(List.of(ReplayOutcome.REPLAYED, ReplayOutcome.REFUSED, ReplayOutcome.REPLAYED),
                answers.stream().map(LetterReplay::outcome).toList());
        assertEquals("failed record truncated: 524000 bytes, sha256 "
                + Sha256.hex(huge.getBytes(StandardCharsets.UTF_8))
                + "; replay it from " + topic + " partition 2 offset 41", answers.get(1).reason());
        assertNull(answers.get(1).offset());
        List<ConsumerRecord<String, String>> back = KafkaTestClient.upToEnd(before, r -> true);
        assertEquals(2, back.size());
        Map<String, String> byKey = Map.of(back.get(0).key(), back.get(0).value(), back.get(1).key(), back.get(1).value());
        assertEquals(Map.of("cell-a", "{\"a\":1}", "cell-b", "{\"b\":\"é\"}"), byKey);
        for (ConsumerRecord<String, String> r : back) {
            String from = new String(r.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM).value(), StandardCharsets.UTF_8);
            assertEquals(dlq + "[0]@" + (r.key().equals("cell-a") ? 0 : 2), from);
            LetterReplay answer = answers.get(r.key().equals("cell-a") ? 0 : 2);
            assertEquals(r.partition(), answer.partition());
            assertEquals(r.offset(), answer.offset());
            assertEquals(topic, answer.topic());
        }
    }

    @Test
    void aLetterWhoseRecordDoesNotMatchItsDigestIsNotSent() {
        DeadLetterEvent good = letter(7, "cell-c", "{\"c\":3}", 0);
        DeadLetterEvent tampered = new DeadLetterEvent(good.schemaVersion(), good.service(), topic, good.partition(),
                good.offset(), good.key(), good.exceptionClass(), good.reason(), "{\"c\":4}", good.failedAt(),
                good.failedRecordBytes(), good.failedRecordSha256(), false);
        KafkaTestClient.send(dlq, 0, "cell-c", EventJson.write(tampered));
        KafkaTestClient.Position before = KafkaTestClient.end(topic);

        LetterReplay answer = replay.replay(dlq, 0, List.of(0L)).get(0);

        assertEquals(ReplayOutcome.REFUSED, answer.outcome());
        assertEquals("failed record does not match its sha256 " + good.failedRecordSha256() + ": not sent",
                answer.reason());
        assertTrue(KafkaTestClient.upToEnd(before, r -> true).isEmpty());
    }

    @Test
    void anOffsetHeldByTwoPartitionsNeedsThePartitionAndAMissingOneIsSaidSo() {
        KafkaTestClient.send(dlq, 0, "cell-d", EventJson.write(letter(1, "cell-d", "{}", 0)));
        KafkaTestClient.send(dlq, 3, "cell-e", EventJson.write(letter(2, "cell-e", "{}", 1)));

        List<LetterReplay> answers = replay.replay(dlq, null, List.of(0L, 5L));

        assertEquals("offset 0 is on partitions [0, 3] of " + dlq + ": name the partition", answers.get(0).reason());
        assertEquals("no dead letter at offset 5 of " + dlq, answers.get(1).reason());
        assertEquals("no dead letter at offset 1 of " + dlq + " partition 3",
                replay.replay(dlq, 3, List.of(1L)).get(0).reason());
        assertFalse(replay.list("patchmap.never-" + UUID.randomUUID() + ".dlq", 10).iterator().hasNext());
    }
}
