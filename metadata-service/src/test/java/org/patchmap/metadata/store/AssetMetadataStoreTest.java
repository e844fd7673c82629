package org.patchmap.metadata.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.Provenance;
import org.patchmap.metadata.domain.ReceivedAsset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code asset_metadata}: its document layout, and the domain values read back from it. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class AssetMetadataStoreTest {
    @Inject
    AssetMetadataStore store;

    @Inject
    MongoDatabase database;

    @Test
    void keepsTheAssetAsReceived() {
        AssetEvent asset = new AssetEvent(AssetEvent.SCHEMA_VERSION, AssetEvent.SOURCE_UPLOAD,
                CellIds.uploadFile("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a", "kept.nwb"), Provenance.upload("kept.nwb"),
                1000, "sha2-256:5a5a", null, "/data/uploads/kept.nwb", Map.of("schemaKey", "Asset"),
                Instant.parse("2026-11-24T10:00:00Z"));
        store.save(asset);

        Document doc = database.getCollection(AssetMetadataStore.COLLECTION)
                .find(Filters.eq("_id", asset.fileKey())).first();
        assertEquals(List.of("_id", "digest", "provenance", "assetMetadata", "event"), List.copyOf(doc.keySet()));
        assertEquals(new Document("source", "upload").append("path", "kept.nwb"), doc.get("provenance"));
        assertEquals(new ReceivedAsset(asset.fileKey(), "sha2-256:5a5a", Provenance.upload("kept.nwb"),
                Map.of("schemaKey", "Asset")), store.find(asset.fileKey()).orElseThrow());
        assertEquals("/data/uploads/kept.nwb", store.findEvent(asset.fileKey()).orElseThrow().localPath());
    }
}
