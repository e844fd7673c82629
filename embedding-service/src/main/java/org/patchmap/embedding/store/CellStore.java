package org.patchmap.embedding.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.MetadataEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The map's inputs: collection {@code cell_features} (one document per cell id) and
 * {@code file_metadata} (one per file key: metadata describes the animal and the recording,
 * shared by every cell of a file). Each document is its event, replaced whole, so replays
 * leave the same state; a cell is the join of the two. {@code reference_marks} holds the uploaded cells an
 * operator admitted to the reference map (kept apart so that a replayed features event keeps the mark).
 */
@ApplicationScoped
public class CellStore {
    static final String FEATURES = "cell_features";
    static final String METADATA = "file_metadata";
    static final String MARKS = "reference_marks";

    @Inject
    MongoDatabase database;

    public void saveFeatures(FeaturesEvent features) {
        replace(FEATURES, features.cellId(), StoredEvents.document(features));
    }

    public void saveMetadata(MetadataEvent metadata) {
        replace(METADATA, CellIds.fileKey(metadata.cellId()), StoredEvents.document(metadata));
    }

    /** A cell's features joined with its file's metadata; empty when neither is known. */
    public Optional<JoinedCell> cell(String cellId) {
        Optional<FeaturesEvent> features = features(cellId);
        Optional<MetadataEvent> metadata = Optional.ofNullable(
                        database.getCollection(METADATA).find(Filters.eq("_id", CellIds.fileKey(cellId))).first())
                .map(d -> StoredEvents.event(d, MetadataEvent.class));
        if (features.isEmpty() && metadata.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JoinedCell(cellId, features.orElse(null), metadata.orElse(null)));
    }

    /** The stored features event of a cell. */
    public Optional<FeaturesEvent> features(String cellId) {
        return Optional.ofNullable(collection(FEATURES).find(Filters.eq("_id", cellId)).first())
                .map(d -> StoredEvents.event(d, FeaturesEvent.class));
    }

    /** Whether a cell belongs on the reference map: DANDI cells, and uploads an operator marked. */
    public boolean isReference(FeaturesEvent features) {
        return AssetEvent.SOURCE_DANDI.equals(features.provenance().source())
                || collection(MARKS).find(Filters.eq("_id", features.cellId())).first() != null;
    }

    /** Admits a cell to the reference map; false when no features are known for it. */
    public boolean markReference(String cellId) {
        if (features(cellId).isEmpty()) {
            return false;
        }
        replace(MARKS, cellId, new Document("markedAt", Date.from(Instant.now())));
        return true;
    }

    /** Every reference cell's features, by cell id (a stable input order for the map). */
    public List<FeaturesEvent> referenceFeatures() {
        Set<String> marked = new HashSet<>();
        collection(MARKS).find().projection(new Document("_id", 1)).forEach(d -> marked.add(d.getString("_id")));
        List<FeaturesEvent> out = new ArrayList<>();
        collection(FEATURES).find(Filters.or(Filters.eq("provenance.source", AssetEvent.SOURCE_DANDI),
                        Filters.in("_id", marked))).sort(Sorts.ascending("_id"))
                .forEach(d -> out.add(StoredEvents.event(d, FeaturesEvent.class)));
        return out;
    }

    /** Every cell's features, by cell id. */
    public List<FeaturesEvent> allFeatures() {
        List<FeaturesEvent> out = new ArrayList<>();
        collection(FEATURES).find().sort(Sorts.ascending("_id"))
                .forEach(d -> out.add(StoredEvents.event(d, FeaturesEvent.class)));
        return out;
    }

    /** Every file's metadata by file key (the join of a whole map is one read, not one per cell). */
    public Map<String, MetadataEvent> metadataByFile() {
        Map<String, MetadataEvent> out = new HashMap<>();
        collection(METADATA).find().forEach(d -> out.put(d.getString("_id"), StoredEvents.event(d, MetadataEvent.class)));
        return out;
    }

    private void replace(String collection, String id, Document doc) {
        doc.append("_id", id);
        collection(collection).replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }
}
