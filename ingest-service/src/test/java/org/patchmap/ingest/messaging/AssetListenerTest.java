package org.patchmap.ingest.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.testing.SharedData;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.Topics;
import org.patchmap.ingest.store.AssetLedger;

import java.io.IOException;
import java.net.URL;
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
    /** The management interface's root, {@code .../q/}: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;
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
        // Then a record the ledger refuses, under the same key, so on the same partition, consumed in order:
        // once its dead letter is out, the two repeats before it were processed.
        KafkaTestClient.Position letters = KafkaTestClient.end("patchmap.assets.dlq");
        KafkaTestClient.send(Topics.ASSETS, first.fileKey(), withSource(firstAgain, "marker"));
        assertEquals(1, KafkaTestClient.await(letters, r -> first.fileKey().equals(r.key()), 1).size());
        AssetLedger.Entry entry = Eventually.get("ledger entry", () -> ledger.find(first.fileKey(), first.digest()));
        assertEquals("pending", entry.status().wire());
        Eventually.get("second entry", () -> ledger.find(second.fileKey(), second.digest()));
        assertEquals(1, ledger.count(first.fileKey()));
        assertEquals("sha2-256:f7ed16993c99eaaf0669e22bcbe624c276d1b2b420d1ebb7310694229c5fe88a", entry.digest());

        given().queryParam("fileKey", first.fileKey()).queryParam("digest", first.digest())
                .get("/api/assets").then().statusCode(200).body("status", equalTo("pending"));
        given().queryParam("fileKey", first.fileKey()).queryParam("digest", "sha2-256:00")
                .get("/api/assets").then().statusCode(404);
    }

    /** The event as JSON with another {@code source}, which no consumer accepts. */
    @SuppressWarnings("unchecked")
    private static String withSource(AssetEvent event, String source) throws IOException {
        Map<String, Object> tampered = new HashMap<>(EventJson.mapper().convertValue(event, Map.class));
        tampered.put("source", source);
        return EventJson.mapper().writeValueAsString(tampered);
    }

    @Test
    void unknownSourceGoesToDeadLetters() throws IOException {
        AssetEvent real = realAsset(2, "draft");
        String bad = withSource(real, "ftp");
        // other test classes dead-letter this key too: only what comes after this send is ours
        KafkaTestClient.Position before = KafkaTestClient.end("patchmap.assets.dlq");
        KafkaTestClient.send(Topics.ASSETS, real.fileKey(), bad);

        DeadLetterEvent letter = EventJson.read("patchmap.assets.dlq", KafkaTestClient.await(before,
                r -> real.fileKey().equals(r.key()), 1).get(0).value(), DeadLetterEvent.class);
        assertEquals("ingest-service", letter.service());
        assertEquals("patchmap.assets: field 'source' is 'ftp', expected one of dandi, upload", letter.reason());
        assertEquals(bad, letter.failedRecord());
        assertEquals(0, ledger.count(real.fileKey()));
    }

    @Test
    void healthMetricsAndOpenApi() {
        // ready once the consumers have connected to the broker, which they do on their own after the start
        Eventually.until("ready", () -> given().get(management + "health/ready").statusCode() == 200);
        given().get(management + "health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("MongoDB connection health check"))
                .body(containsString("SmallRye Reactive Messaging - readiness check"));
        given().get(management + "metrics").then().statusCode(200).body(containsString("patchmap_record_duration_seconds"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/assets"));
    }
}
