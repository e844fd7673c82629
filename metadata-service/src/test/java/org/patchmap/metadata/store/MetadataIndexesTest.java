package org.patchmap.metadata.store;

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

/** The cells of a dandiset are found by an index once the service has started. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class MetadataIndexesTest {
    @Inject
    MongoDatabase database;

    @Test
    void theCellsOfADandisetHaveTheirIndex() {
        List<String> names = new ArrayList<>();
        database.getCollection(CellMetadataStore.COLLECTION).listIndexes().forEach((Document d) -> names.add(d.getString("name")));
        assertEquals(List.of("_id_", "provenance.dandisetId_1"), names);
    }
}
