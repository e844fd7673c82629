package org.patchmap.metadata.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.events.EventJson;
import org.patchmap.events.MetadataEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collection {@code metadata}: the last {@link MetadataEvent} published per file key, replaced
 * whole, so a replayed asset leaves the same document.
 */
@ApplicationScoped
public class CellMetadataStore {
    static final String COLLECTION = "metadata";

    @Inject
    MongoDatabase database;

    public void save(MetadataEvent metadata) {
        Document doc = Document.parse(EventJson.write(metadata)).append("_id", metadata.cellId());
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", metadata.cellId()), doc,
                new ReplaceOptions().upsert(true));
    }

    /** Deletes the documents whose key matches {@code keyPattern} (a regular expression); returns how many. */
    public long deleteMatching(String keyPattern) {
        return database.getCollection(COLLECTION).deleteMany(Filters.regex("_id", keyPattern)).getDeletedCount();
    }

    public Optional<MetadataEvent> find(String fileKey) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(Filters.eq("_id", fileKey)).first())
                .map(CellMetadataStore::event);
    }

    /** The files of one dandiset, in file-key order, at most {@code limit}. */
    public List<MetadataEvent> ofDandiset(String dandisetId, int limit) {
        List<MetadataEvent> found = new ArrayList<>();
        database.getCollection(COLLECTION).find(Filters.eq("provenance.dandisetId", dandisetId))
                .sort(new Document("_id", 1)).limit(limit).forEach(d -> found.add(event(d)));
        return found;
    }

    private static MetadataEvent event(Document d) {
        d.remove("_id");
        return EventJson.read("metadata store", d.toJson(), MetadataEvent.class);
    }
}
