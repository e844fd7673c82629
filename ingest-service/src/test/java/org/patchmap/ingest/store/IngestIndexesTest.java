package org.patchmap.ingest.store;

import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every query of ingest's stores on another field than _id has its index once the service has started. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class IngestIndexesTest {
    @Inject
    MongoDatabase database;

    @Test
    void theStoresIndexesExistAtStartup() {
        assertEquals(List.of("_id_", "fileKey_1", "digest_1", "provenance.source_1"), names(AssetLedger.COLLECTION));
        assertEquals(List.of("_id_", "dandiset_1_assetId_1", "digest_1_status_1", "dandiset_1_version_1_status_1",
                "status_1"), names(DandiAssetStore.COLLECTION));
        assertEquals(List.of("_id_", "fileKey_1_digest_1", "receivedAt_1"), names(UploadStore.COLLECTION));
        assertTrue(names("traces.files").contains("filename_1_metadata.kind_1_metadata.sha256_1"),
                names("traces.files").toString());
    }

    private List<String> names(String collection) {
        List<String> names = new ArrayList<>();
        database.getCollection(collection).listIndexes().forEach((Document d) -> names.add(d.getString("name")));
        return names;
    }
}
