package org.patchmap.feature.messaging;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.core.sweep.TraceCodec;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.Provenance;
import org.patchmap.events.Sha256;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** patchmap.sweeps through the real broker into the real MongoDB-wire server, and to the dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = true)
class SweepFamilyListenerTest {
    /** The management interface's root, {@code .../q/}: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;
    @Inject
    MongoClient mongo;

    private MongoCollection<Document> families() {
        return mongo.getDatabase("patchmap").getCollection("sweep_families");
    }

    private MongoCollection<Document> attempts() {
        return mongo.getDatabase("patchmap").getCollection("record_attempts");
    }

    /** Stores traces (exact encoding), and returns the event that points at them. */
    private SweepFamilyEvent storedFamily(String cellId, int samples) throws Exception {
        return storedFamily(cellId, samples, TraceCodec.ENCODING);
    }

    /** Stores traces in {@code encoding} (ingest-service writes the compact one), and returns the event. */
    private SweepFamilyEvent storedFamily(String cellId, int samples, String encoding) throws Exception {
        List<Sweep> sweeps = List.of(step(1, -50, samples), step(2, 0, samples), step(3, 50, samples));
        byte[] bytes = encoding.equals(TraceCodec.ENCODING) ? TraceCodec.encode(sweeps) : TraceCodec.encodeCompact(sweeps);
        String id = GridFSBuckets.create(mongo.getDatabase("patchmap"), "traces")
                .uploadFromStream(cellId, new ByteArrayInputStream(bytes)).toHexString();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return family(cellId, new SweepFamilyEvent.TraceRef("traces", id, encoding, bytes.length, sha, 3));
    }

    private static SweepFamilyEvent family(String cellId, SweepFamilyEvent.TraceRef traces) {
        return new SweepFamilyEvent(1, cellId, Provenance.upload("cell.nwb"), "sha2-256:abc#1", 20000.0,
                new SweepFamilyEvent.Window(0.1, 0.6),
                List.of(new SweepFamilyEvent.SweepSummary(1, -50, List.of()),
                        new SweepFamilyEvent.SweepSummary(2, 0, List.of()),
                        new SweepFamilyEvent.SweepSummary(3, 50, List.of())),
                List.of(), traces, Instant.parse("2026-11-24T10:00:00Z"));
    }

    /** A passive cell: 20 MΩ... the numbers only need to survive the trip exactly. */
    private static Sweep step(int number, double amplitudePa, int samples) {
        double[] v = new double[samples];
        double[] i = new double[samples];
        for (int k = 0; k < samples; k++) {
            boolean on = k >= 2000 && k < 12000;
            i[k] = on ? amplitudePa : 0;
            v[k] = -70 + (on ? amplitudePa * 0.1 : 0);
        }
        return new Sweep(number, "sweep " + number, 20000.0, v, i);
    }

    private DeadLetterEvent deadLetterFor(String key) {
        List<ConsumerRecord<String, String>> letters = KafkaTestClient.await("patchmap.sweeps.dlq",
                r -> key.equals(r.key()), 1);
        assertEquals(1, letters.size(), "dead letters for " + key);
        return EventJson.read("patchmap.sweeps.dlq", letters.get(0).value(), DeadLetterEvent.class);
    }

    @Test
    void familyIsRecordedOnceWithItsTraces() throws Exception {
        SweepFamilyEvent event = storedFamily("upload:0000000000000001/ok.nwb", 24000);
        String json = EventJson.write(event);
        KafkaTestClient.send(Topics.SWEEPS, event.cellId(), json);
        KafkaTestClient.send(Topics.SWEEPS, event.cellId(), json); // a replay changes nothing

        Document doc = Eventually.get("family in MongoDB",
                () -> Optional.ofNullable(families().find(Filters.eq("_id", event.cellId())).first()));
        assertEquals(List.of(24000, 24000, 24000), doc.getList("samplesPerSweep", Integer.class));
        assertEquals(1.2, doc.getDouble("durationS"), 1e-12);
        assertEquals("sha2-256:abc#1", doc.getString("inputDigest"));
        assertEquals(1, families().countDocuments(Filters.eq("_id", event.cellId())));

        given().get("/api/families/" + event.cellId()).then().statusCode(200)
                .body("samplingRateHz", equalTo(20000.0f))
                .body("sweeps.size()", equalTo(3));
    }

    @Test
    void compactTracesAreRead() throws Exception {
        SweepFamilyEvent event = storedFamily("upload:0000000000000005/compact.nwb", 24000,
                TraceCodec.COMPACT_ENCODING);
        KafkaTestClient.send(Topics.SWEEPS, event.cellId(), EventJson.write(event));

        Document doc = Eventually.get("family in MongoDB",
                () -> Optional.ofNullable(families().find(Filters.eq("_id", event.cellId())).first()));
        assertEquals(List.of(24000, 24000, 24000), doc.getList("samplesPerSweep", Integer.class));
    }

    @Test
    void unknownEncodingGoesToDeadLetters() throws Exception {
        SweepFamilyEvent stored = storedFamily("upload:0000000000000006/future.nwb", 1000);
        SweepFamilyEvent.TraceRef t = stored.traces();
        SweepFamilyEvent event = family(stored.cellId(), new SweepFamilyEvent.TraceRef(t.bucket(), t.fileId(),
                "patchmap-traces-v9", t.sizeBytes(), t.sha256(), 3));
        KafkaTestClient.send(Topics.SWEEPS, event.cellId(), EventJson.write(event));

        assertEquals("traces " + t.fileId() + " of upload:0000000000000006/future.nwb have encoding "
                        + "'patchmap-traces-v9', expected 'patchmap-traces-v1+deflate' or 'patchmap-traces-v2+deflate'",
                deadLetterFor(event.cellId()).reason());
    }

    @Test
    void recordWithoutCellIdGoesToDeadLetters() {
        String key = "upload:0000000000000002/bad.nwb";
        String bad = "{\"schemaVersion\":1,\"samplingRateHz\":20000.0}";
        KafkaTestClient.send(Topics.SWEEPS, key, bad);

        DeadLetterEvent letter = deadLetterFor(key);
        assertEquals("feature-service", letter.service());
        assertEquals("patchmap.sweeps", letter.topic());
        assertEquals("org.patchmap.events.InvalidEventException", letter.exceptionClass());
        assertEquals("patchmap.sweeps: field 'cellId' is missing or blank", letter.reason());
        assertEquals(bad, letter.failedRecord());
    }

    @Test
    void missingTracesGoToDeadLettersAndTheNextCellIsStillProcessed() throws Exception {
        String lost = "upload:0000000000000003/lost.nwb";
        SweepFamilyEvent event = family(lost, new SweepFamilyEvent.TraceRef("traces", "6743a1f0c2b5e81d9a4f0c11",
                TraceCodec.ENCODING, 100, "00", 3));
        KafkaTestClient.send(Topics.SWEEPS, lost, EventJson.write(event));
        SweepFamilyEvent next = storedFamily("upload:0000000000000004/next.nwb", 12000);
        KafkaTestClient.send(Topics.SWEEPS, next.cellId(), EventJson.write(next));

        DeadLetterEvent letter = deadLetterFor(lost);
        assertEquals("org.patchmap.messaging.store.TraceUnavailableException", letter.exceptionClass());
        assertEquals("traces 6743a1f0c2b5e81d9a4f0c11 of upload:0000000000000003/lost.nwb not found in GridFS bucket 'traces'",
                letter.reason());
        Eventually.get("next family",
                () -> Optional.ofNullable(families().find(Filters.eq("_id", next.cellId())).first()));
        assertEquals(0, families().countDocuments(Filters.eq("_id", lost)));
    }

    @Test
    void aRecordThatCrashedTheConsumerThreeTimesGoesToDeadLettersAndTheNextIsProcessed() throws Exception {
        SweepFamilyEvent poison = storedFamily("upload:0000000000000008/poison.nwb", 12000);
        SweepFamilyEvent next = storedFamily("upload:0000000000000009/after-poison.nwb", 12000);
        long offset = KafkaTestClient.end(Topics.SWEEPS).offsets().get(0);
        // what three consumers that each died processing the record (before finishing it) leave behind
        String poisonId = "patchmap.sweeps|0|" + offset + "|feature-service";
        attempts().insertOne(new Document("_id", poisonId).append("count", 3L)
                .append("topic", "patchmap.sweeps").append("partition", 0).append("offset", offset)
                .append("group", "feature-service"));
        KafkaTestClient.send(Topics.SWEEPS, 0, poison.cellId(), EventJson.write(poison));
        KafkaTestClient.send(Topics.SWEEPS, 0, next.cellId(), EventJson.write(next));

        DeadLetterEvent letter = deadLetterFor(poison.cellId());
        assertEquals("crashed the consumer 3 times", letter.reason());
        assertEquals("org.patchmap.messaging.PoisonRecordException", letter.exceptionClass());
        assertEquals(0, letter.partition());
        assertEquals(offset, letter.offset());
        assertEquals(EventJson.write(poison), letter.failedRecord());
        Eventually.get("the next family",
                () -> Optional.ofNullable(families().find(Filters.eq("_id", next.cellId())).first()));
        assertEquals(0, families().countDocuments(Filters.eq("_id", poison.cellId())));
        // both records are done: their attempts are forgotten
        Eventually.until("attempts forgotten", () -> attempts().countDocuments(Filters.in("_id", poisonId,
                "patchmap.sweeps|0|" + (offset + 1) + "|feature-service")) == 0);
    }

    @Test
    void aRecordNearTheEventLimitGoesToDeadLettersCutToFitAndTheNextIsProcessed() throws Exception {
        String key = "upload:000000000000000a/huge.nwb";
        String head = "{\"schemaVersion\":1,\"samplingRateHz\":20000.0,\"note\":\"";
        String huge = head + "x".repeat(524_000 - head.length() - 2) + "\"}";
        assertEquals(524_000, huge.getBytes(StandardCharsets.UTF_8).length);
        KafkaTestClient.send(Topics.SWEEPS, 0, key, huge);
        SweepFamilyEvent next = storedFamily("upload:000000000000000b/after-huge.nwb", 12000);
        KafkaTestClient.send(Topics.SWEEPS, 0, next.cellId(), EventJson.write(next));

        List<ConsumerRecord<String, String>> letters = KafkaTestClient.await("patchmap.sweeps.dlq",
                r -> key.equals(r.key()), 1);
        assertEquals(1, letters.size());
        int letterBytes = letters.get(0).value().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(letterBytes <= EventJson.MAX_EVENT_BYTES && letterBytes > EventJson.MAX_EVENT_BYTES - 2,
                letterBytes + " bytes");
        DeadLetterEvent letter = EventJson.read("patchmap.sweeps.dlq", letters.get(0).value(), DeadLetterEvent.class);
        assertEquals(key, letter.key());
        assertEquals("patchmap.sweeps: field 'cellId' is missing or blank", letter.reason());
        assertEquals(524_000L, letter.failedRecordBytes());
        assertEquals(Sha256.hex(huge.getBytes(StandardCharsets.UTF_8)), letter.failedRecordSha256());
        assertEquals(true, letter.failedRecordTruncated());
        assertTrue(huge.startsWith(letter.failedRecord()));
        assertTrue(letter.failedRecord().length() > 523_000, letter.failedRecord().length() + " chars kept");
        Eventually.get("the next family",
                () -> Optional.ofNullable(families().find(Filters.eq("_id", next.cellId())).first()));
    }

    @Test
    void readyWhenKafkaAndMongoAnswerAndMetricsAreExposed() throws Exception {
        // ready once the consumer has connected to the broker, which it does on its own after the start
        Eventually.until("ready", () -> given().get(management + "health/ready").statusCode() == 200);
        given().get(management + "health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("MongoDB connection health check"));
        familyIsRecordedOnceWithItsTraces();
        given().get(management + "metrics").then().statusCode(200)
                .body(containsString("patchmap_records_total{outcome=\"ok\",topic=\"patchmap.sweeps\"}"))
                .body(containsString("patchmap_record_duration_seconds_count{topic=\"patchmap.sweeps\"}"));
    }
}
