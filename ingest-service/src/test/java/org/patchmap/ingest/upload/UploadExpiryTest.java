package org.patchmap.ingest.upload;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.Provenance;
import org.patchmap.events.Topics;
import org.patchmap.events.UploadExpiredEvent;
import org.patchmap.ingest.config.IngestConfig;
import org.patchmap.ingest.extract.AssetExtractor;
import org.patchmap.ingest.extract.Fixtures;
import org.patchmap.ingest.store.AssetLedger;
import org.patchmap.ingest.store.UploadStore;
import org.patchmap.ingest.store.UploadStore.Upload;
import org.patchmap.testing.TestTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads expire 7 days after they were received unless an admin admits them, on a clock the test sets (no
 * waiting): five uploads of real recordings, extracted by the real extractor (two families, one unreadable file),
 * one never extracted, one file uploaded twice; a sweep at 6 days expires nothing, a sweep at 8 days expires the
 * four not admitted: their rows (404), files, traces and ledger entries are gone, one event per expired file on
 * {@code patchmap.uploads.expired}, while the admitted upload and the file another admitted upload still uses
 * keep theirs; orphan files of the uploads folder go too. A database and uploads folder of its own.
 */
@QuarkusTest
@TestProfile(UploadExpiryTest.OwnStores.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class UploadExpiryTest {
    static final Path UPLOADS = Path.of("target/ingest-expiry-test/uploads").toAbsolutePath();

    public static class OwnStores implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mongodb.database", "patchmap-expiry-test",
                    "patchmap.ingest.uploads-dir", UPLOADS.toString());
        }
    }

    @Inject
    UploadExpiry expiry;

    @Inject
    AssetExtractor extractor;

    @Inject
    UploadStore uploads;

    @Inject
    AssetLedger ledger;

    @Inject
    IngestConfig config;

    @Inject
    MongoDatabase database;

    @Inject
    MeterRegistry registry;

    @Test
    void uploadsNotAdmittedExpireWithEverythingIngestKeptOfThem() throws Exception {
        Upload extracted = upload("abf/File_axon_5.abf");
        Upload admitted = upload("abf/PYR2.abf");
        Upload unreadable = upload("nwb/2025053101.nwb");
        Upload waiting = upload("abf/PYR5_rebound.abf");
        Upload twiceFirst = upload("abf/18711001.abf");
        Upload twiceSecond = upload("abf/18711001.abf");
        assertEquals(twiceFirst.fileKey(), twiceSecond.fileKey());
        for (Upload u : List.of(extracted, admitted, unreadable, twiceFirst)) {
            extractor.extract(event(u));
        }
        assertEquals("extracted", status(extracted.id()).getString("status"));
        assertEquals("failed", status(unreadable.id()).getString("status"));
        assertEquals(2, traceFiles(extracted.fileKey()), "traces and display traces");
        assertEquals(2, traceFiles(admitted.fileKey()));
        assertEquals(2, traceFiles(twiceFirst.fileKey()));
        // the ledger's own consumer records the upload never extracted
        Eventually.until("the waiting upload in the ledger", () -> ledger.count(waiting.fileKey()) == 1);
        assertTrue(Files.exists(Path.of(waiting.localPath())));

        // only an admin admits; admitted, an upload has no expiry
        JsonPath before = status(waiting.id());
        assertEquals(Instant.parse(before.getString("receivedAt")).plus(Duration.ofDays(7)),
                Instant.parse(before.getString("expiresAt")));
        given().post("/api/admin/uploads/" + admitted.id() + "/admit").then().statusCode(401);
        given().auth().oauth2(TestTokens.withRoles(TestTokens.USER)).post("/api/admin/uploads/" + admitted.id()
                + "/admit").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/uploads/no-such-upload/admit").then()
                .statusCode(404).body("error", equalTo("no upload no-such-upload"));
        for (Upload u : List.of(admitted, twiceSecond)) {
            JsonPath p = given().auth().oauth2(TestTokens.admin()).post("/api/admin/uploads/" + u.id() + "/admit")
                    .then().statusCode(200).body("id", equalTo(u.id())).extract().jsonPath();
            assertNotNull(p.getString("admittedAt"));
            assertNull(p.getString("expiresAt"));
        }

        // orphans: a spooled body and an upload folder without a row, left by requests that died
        Path spooled = orphan(UPLOADS.resolve(".incoming").resolve("orphan-body"));
        Path folder = orphan(UPLOADS.resolve(UUID.randomUUID().toString()).resolve("cell.abf")).getParent();

        Instant now = Instant.now();
        expiry.clock = Clock.fixed(now.plus(Duration.ofDays(6)), ZoneOffset.UTC);
        assertEquals(0, expiry.sweep());
        assertEquals(200, given().get("/api/uploads/" + extracted.id()).statusCode());

        KafkaTestClient.Position from = KafkaTestClient.end(Topics.UPLOADS_EXPIRED);
        expiry.clock = Clock.fixed(now.plus(Duration.ofDays(8)), ZoneOffset.UTC);
        assertEquals(4, expiry.sweep());
        for (Upload u : List.of(extracted, unreadable, waiting, twiceFirst)) {
            given().get("/api/uploads/" + u.id()).then().statusCode(404).body("error", equalTo("no upload " + u.id()));
        }
        assertEquals("extracted", status(admitted.id()).getString("status"));
        assertEquals(200, given().get("/api/uploads/" + twiceSecond.id()).statusCode());
        assertEquals(0, traceFiles(extracted.fileKey()));
        assertEquals(0, ledger.count(extracted.fileKey()));
        assertEquals(0, ledger.count(unreadable.fileKey()));
        assertEquals(0, ledger.count(waiting.fileKey()));
        assertFalse(Files.exists(Path.of(waiting.localPath()).getParent()), "the waiting upload's folder");
        // kept: the admitted upload, and the file another (admitted) upload of it still uses
        assertEquals(2, traceFiles(admitted.fileKey()));
        assertEquals(1, ledger.count(admitted.fileKey()));
        assertEquals(2, traceFiles(twiceFirst.fileKey()));
        assertEquals(1, ledger.count(twiceFirst.fileKey()));
        assertFalse(Files.exists(spooled));
        assertFalse(Files.exists(folder));
        assertEquals(4.0, registry.get("patchmap.uploads.expired").counter().count());

        // one event per expired file, none for the file still in use
        Set<String> expiredKeys = Set.of(extracted.fileKey(), unreadable.fileKey(), waiting.fileKey());
        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(from, r -> true, 3);
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord<String, String> r : events) {
            UploadExpiredEvent e = EventJson.read(Topics.UPLOADS_EXPIRED, r.value(), UploadExpiredEvent.class);
            assertEquals(r.key(), e.fileKey());
            assertEquals(now.plus(Duration.ofDays(8)), e.expiredAt());
            keys.add(e.fileKey());
        }
        assertEquals(expiredKeys, keys);
        assertEquals(3, KafkaTestClient.upToEnd(from, r -> true).size());

        // nothing left to expire
        assertEquals(0, expiry.sweep());
        assertEquals(4.0, registry.get("patchmap.uploads.expired").counter().count());
    }

    private Upload upload(String cell) {
        String id = given().multiPart("file", Fixtures.cell(cell).toFile()).post("/api/uploads").then()
                .statusCode(202).extract().jsonPath().getString("id");
        return uploads.find(id).orElseThrow();
    }

    /** The upload's event as the intake published it on patchmap.assets. */
    private static AssetEvent event(Upload u) {
        return new AssetEvent(AssetEvent.SCHEMA_VERSION, AssetEvent.SOURCE_UPLOAD, u.fileKey(),
                Provenance.upload(u.fileName()), u.sizeBytes(), u.digest(), null, u.localPath(), Map.of(),
                u.receivedAt());
    }

    private static JsonPath status(String id) {
        return given().get("/api/uploads/" + id).then().statusCode(200).extract().jsonPath();
    }

    private long traceFiles(String fileKey) {
        GridFSBucket bucket = GridFSBuckets.create(database, "traces");
        long n = 0;
        for (var ignored : bucket.find(Filters.regex("filename",
                new UploadExpiredEvent(1, fileKey, "sha2-256:0", "x", Instant.EPOCH, Instant.EPOCH).cellIdPattern()))) {
            n++;
        }
        return n;
    }

    /** A file last modified two days ago. */
    private static Path orphan(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[100]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Files.setLastModifiedTime(file.getParent(), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        return file;
    }
}
