package org.patchmap.embedding.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The indexes embedding's stores read by (a version's cells in order; a cell's placement on a version, and a
 * cell's placements on every version, which an expired upload deletes; the
 * DANDI cells' features, the reference cells of every build), created at
 * startup by a bean of their own, so that they exist whichever {@link MapStore} the application runs with.
 */
@ApplicationScoped
public class MapIndexes {
    @Inject
    MongoDatabase database;

    void create(@Observes StartupEvent started) {
        database.getCollection(MapStore.MAP_CELLS).createIndex(Indexes.ascending("mapVersion", "order"));
        database.getCollection(MapStore.PLACEMENTS).createIndex(Indexes.ascending("mapVersion", "cellId"));
        database.getCollection(MapStore.PLACEMENTS).createIndex(Indexes.ascending("cellId"));
        database.getCollection(CellStore.FEATURES).createIndex(Indexes.ascending("provenance.source"));
    }
}
