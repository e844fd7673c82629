package org.patchmap.metadata.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The index of the one query metadata-service makes on a field other than {@code _id}: the cells
 * of a dandiset, read again when its version's metadata changes. Created at startup.
 */
@ApplicationScoped
public class MetadataIndexes {
    @Inject
    MongoDatabase database;

    void create(@Observes StartupEvent started) {
        database.getCollection(CellMetadataStore.COLLECTION).createIndex(Indexes.ascending("provenance.dandisetId"));
    }
}
