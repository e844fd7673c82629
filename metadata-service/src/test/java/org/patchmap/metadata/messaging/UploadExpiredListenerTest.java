package org.patchmap.metadata.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.events.Provenance;
import org.patchmap.events.Topics;
import org.patchmap.events.UploadExpiredEvent;
import org.patchmap.metadata.store.AssetMetadataStore;
import org.patchmap.metadata.store.CellMetadataStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code patchmap.uploads.expired} over the real broker: two uploads' metadata arrive through
 * {@code patchmap.assets}; the expired one's metadata and asset metadata are deleted (404), the other's stay.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class UploadExpiredListenerTest {
    private static final Instant T = Instant.parse("2026-12-01T11:30:00Z");

    @Inject
    CellMetadataStore metadata;

    @Inject
    AssetMetadataStore assets;

    @Test
    void theExpiredFilesMetadataIsDeletedAndNoOther() {
        String expired = CellIds.uploadFile("00000000000000d1ff", "expiring.abf");
        String kept = CellIds.uploadFile("00000000000000d2ff", "expiring.abf");
        for (String key : List.of(expired, kept)) {
            AssetEvent asset = new AssetEvent(1, AssetEvent.SOURCE_UPLOAD, key, Provenance.upload("expiring.abf"),
                    1000, "sha2-256:" + key.substring(7, 23), null, "/uploads/x/expiring.abf", Map.of(), T);
            KafkaTestClient.send(Topics.ASSETS, key, EventJson.write(asset));
        }
        for (String key : List.of(expired, kept)) {
            Eventually.until("the metadata of " + key, () -> metadata.find(key).isPresent());
            given().get("/api/metadata/" + key).then().statusCode(200);
            given().get("/api/asset-metadata/" + key).then().statusCode(200);
        }

        UploadExpiredEvent event = new UploadExpiredEvent(1, expired, "sha2-256:d1", "u-1", T, T);
        KafkaTestClient.send(Topics.UPLOADS_EXPIRED, expired, EventJson.write(event));
        Eventually.until("the expired file's metadata deleted", () -> metadata.find(expired).isEmpty()
                && assets.find(expired).isEmpty());
        given().get("/api/metadata/" + expired).then().statusCode(404);
        given().get("/api/asset-metadata/" + expired).then().statusCode(404);
        given().get("/api/metadata/" + kept).then().statusCode(200);
        given().get("/api/asset-metadata/" + kept).then().statusCode(200);
        assertEquals(0, metadata.deleteMatching(event.cellIdPattern()), "nothing left of the file");
    }
}
