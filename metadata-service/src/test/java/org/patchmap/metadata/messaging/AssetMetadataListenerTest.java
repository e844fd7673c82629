package org.patchmap.metadata.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.patchmap.metadata.domain.ReceivedAsset;
import org.patchmap.metadata.store.AssetMetadataStore;

import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real DANDI asset's metadata (dandiset 000008) kept through the real broker; garbage to the dead letters. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class AssetMetadataListenerTest {
    @Inject
    AssetMetadataStore store;
    /** The management interface's root, {@code .../q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    @SuppressWarnings("unchecked")
    void assetMetadataIsKept() throws IOException {
        List<Map<String, Object>> assets = EventJson.mapper().readValue(
                SharedData.path("data/dandi/000008/assets.json").toFile(), new TypeReference<>() {
                });
        Map<String, Object> a = assets.get(0);
        AssetEvent asset = AssetEvent.fromDandi("000008", "0.211014.0809", (String) a.get("asset_id"),
                (String) a.get("path"), ((Number) a.get("size")).longValue(), (Map<String, Object>) a.get("metadata"),
                Instant.parse("2026-11-24T10:00:00Z"));
        KafkaTestClient.send(Topics.ASSETS, asset.fileKey(), EventJson.write(asset));
        KafkaTestClient.send(Topics.ASSETS, asset.fileKey(), EventJson.write(asset));

        ReceivedAsset kept = Eventually.get("metadata in MongoDB", () -> store.find(asset.fileKey()));
        JsonNode subject = EventJson.mapper().valueToTree(kept.assetMetadata()).path("wasAttributedTo").get(0);
        assertEquals("P147DT82800S", subject.path("age").path("value").asText());
        assertEquals("Female", subject.path("sex").path("name").asText());
        assertEquals("0.211014.0809", kept.provenance().version());

        given().get("/api/asset-metadata/" + asset.fileKey()).then().statusCode(200)
                .body("digest", equalTo(asset.digest()));
    }

    @Test
    void garbageGoesToDeadLetters() {
        String key = "dandi:000000/garbage.nwb";
        KafkaTestClient.send(Topics.ASSETS, key, "<html>502 Bad Gateway</html>");

        DeadLetterEvent letter = EventJson.read("patchmap.assets.dlq",
                KafkaTestClient.awaitValue("patchmap.assets.dlq", key), DeadLetterEvent.class);
        assertEquals("metadata-service", letter.service());
        assertEquals("org.patchmap.events.InvalidEventException", letter.exceptionClass());
        assertTrue(letter.reason().startsWith("patchmap.assets: not a valid AssetEvent (Unexpected character ('<'"),
                letter.reason());
        assertTrue(letter.reason().endsWith("at line 1, column 1)"), letter.reason());
    }

    @Test
    void readyWhenKafkaAndMongoAnswer() {
        // ready once the consumers have connected to the broker, which they do on their own after the start
        Eventually.until("ready", () -> given().get(management + "health/ready").statusCode() == 200);
        given().get(management + "health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("MongoDB connection health check"))
                .body(containsString("SmallRye Reactive Messaging - readiness check"));
    }
}
