package org.patchmap.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.deploy.testing.SharedData;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.Topics;
import org.patchmap.ingest.store.AssetLedger;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Real DANDI assets (dandiset 000008) through the real broker into the ledger; a bad one to the dead letters. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class AssetListenerTest {
    @Inject
    AssetLedger ledger;

    @SuppressWarnings("unchecked")
    private static AssetEvent realAsset(int index, String version) throws IOException {
        List<Map<String, Object>> assets = EventJson.mapper().readValue(
                SharedData.path("data/dandi/000008/assets.json").toFile(), new TypeReference<>() {
                });
        Map<String, Object> a = assets.get(index);
        return AssetEvent.fromDandi("000008", version, (String) a.get("asset_id"), (String) a.get("path"),
                ((Number) a.get("size")).longValue(), (Map<String, Object>) a.get("metadata"),
                Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void assetsEnterTheLedgerOncePerDigest() throws IOException {
        AssetEvent first = realAsset(0, "0.211014.0809");
        AssetEvent second = realAsset(1, "0.211014.0809");
        // The same file in a later version, same digest: known already, no second entry.
        AssetEvent firstAgain = realAsset(0, "0.230000.0001");
        for (AssetEvent e : List.of(first, second, first, firstAgain)) {
            KafkaTestClient.send(Topics.ASSETS, e.fileKey(), EventJson.write(e));
        }
        AssetLedger.Entry entry = Eventually.get("ledger entry", () -> ledger.find(first.fileKey(), first.digest()));
        assertEquals("pending", entry.status());
        Eventually.get("second entry", () -> ledger.find(second.fileKey(), second.digest()));
        assertEquals(1, ledger.count(first.fileKey()));
        assertEquals("sha2-256:f7ed16993c99eaaf0669e22bcbe624c276d1b2b420d1ebb7310694229c5fe88a", entry.digest());

        given().queryParam("fileKey", first.fileKey()).queryParam("digest", first.digest())
                .get("/api/assets").then().statusCode(200).body("status", equalTo("pending"));
        given().queryParam("fileKey", first.fileKey()).queryParam("digest", "sha2-256:00")
                .get("/api/assets").then().statusCode(404);
    }

    @Test
    void unknownSourceGoesToDeadLetters() throws IOException {
        AssetEvent real = realAsset(2, "draft");
        Map<String, Object> tampered = new HashMap<>(EventJson.mapper().convertValue(real, Map.class));
        tampered.put("source", "ftp");
        String bad = EventJson.mapper().writeValueAsString(tampered);
        KafkaTestClient.send(Topics.ASSETS, real.fileKey(), bad);

        DeadLetterEvent letter = EventJson.read("patchmap.assets.dlq",
                KafkaTestClient.awaitValue("patchmap.assets.dlq", real.fileKey()), DeadLetterEvent.class);
        assertEquals("ingest-service", letter.service());
        assertEquals("patchmap.assets: field 'source' is 'ftp', expected one of dandi, upload", letter.reason());
        assertEquals(bad, letter.failedRecord());
        assertEquals(0, ledger.count(real.fileKey()));
    }

    @Test
    void healthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("MongoDB connection health check"))
                .body(containsString("SmallRye Reactive Messaging - readiness check"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("patchmap_record_duration_seconds"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/assets"));
    }
}
