package org.patchmap.metadata.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.Provenance;
import org.patchmap.metadata.store.AssetMetadataStore;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /api/asset-metadata/{fileKey}}: the file key, then what the asset event said; absent values omitted. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class MetadataResourceAssetTest {
    @Inject
    AssetMetadataStore store;

    @Test
    void bodyIsWhatTheAssetEventSaid() {
        AssetEvent asset = new AssetEvent(AssetEvent.SCHEMA_VERSION, AssetEvent.SOURCE_UPLOAD,
                CellIds.uploadFile("6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b", "rest.nwb"), Provenance.upload("rest.nwb"),
                1000, "sha2-256:6b6b", null, "/data/uploads/rest.nwb", Map.of("schemaKey", "Asset"),
                Instant.parse("2026-11-24T10:00:00Z"));
        store.save(asset);

        assertEquals("{\"fileKey\":\"" + asset.fileKey() + "\",\"digest\":\"sha2-256:6b6b\",\"provenance\":"
                        + "{\"source\":\"upload\",\"path\":\"rest.nwb\"},\"assetMetadata\":{\"schemaKey\":\"Asset\"}}",
                given().get("/api/asset-metadata/" + asset.fileKey()).then().statusCode(200).extract().asString());
    }

    @Test
    void unknownFileIsNotFound() {
        given().get("/api/asset-metadata/upload:6c6c6c6c6c6c6c6c/none.nwb").then().statusCode(404);
    }
}
