package org.patchmap.embedding.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
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
 * shared by every cell of a file). Each document is replaced whole from its event, so replays
 * leave the same state; a cell is the join of the two. {@code reference_marks} holds the uploaded cells an
 * operator admitted to the reference map (kept apart so that a replayed features event keeps the mark).
 */
@ApplicationScoped
public class CellStore {
    static final String FEATURES = "cell_features";
    static final String METADATA = "file_metadata";
    static final String MARKS = "reference_marks";
    static final String SOURCE_DANDI = "dandi";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** Stores a cell's features and returns the stored document. */
    public Document saveFeatures(FeaturesEvent features) {
        Document doc = Document.parse(EventJson.write(features));
        replace(FEATURES, features.cellId(), doc);
        return doc;
    }

    public void saveMetadata(MetadataEvent metadata) {
        replace(METADATA, CellIds.fileKey(metadata.cellId()), Document.parse(EventJson.write(metadata)));
    }

    /** A cell's features joined with its file's metadata; empty when neither is known. */
    public Optional<Document> cell(String cellId) {
        Document features = collection(FEATURES).find(Filters.eq("_id", cellId)).first();
        Document metadata = collection(METADATA).find(Filters.eq("_id", CellIds.fileKey(cellId))).first();
        if (features == null && metadata == null) {
            return Optional.empty();
        }
        Document cell = new Document("cellId", cellId);
        if (features != null) {
            cell.append("provenance", features.get("provenance"))
                    .append("inputDigest", features.get("inputDigest"))
                    .append("features", features.get("features"))
                    .append("qc", features.get("qc"))
                    .append("codeVersion", features.get("codeVersion"));
        }
        if (metadata != null) {
            metadata.remove("_id");
            metadata.remove("schemaVersion");
            cell.append("metadata", metadata);
        }
        return Optional.of(cell);
    }

    /** The stored features document of a cell (a {@code patchmap.features} event plus {@code _id}). */
    public Optional<Document> features(String cellId) {
        return Optional.ofNullable(collection(FEATURES).find(Filters.eq("_id", cellId)).first());
    }

    /** Whether a features document belongs on the reference map: DANDI cells, and uploads an operator marked. */
    public boolean isReference(Document featuresDoc) {
        Document provenance = featuresDoc.get("provenance", Document.class);
        if (provenance != null && SOURCE_DANDI.equals(provenance.getString("source"))) {
            return true;
        }
        return collection(MARKS).find(Filters.eq("_id", featuresDoc.getString("_id"))).first() != null;
    }

    /** Admits a cell to the reference map; false when no features are known for it. */
    public boolean markReference(String cellId) {
        if (features(cellId).isEmpty()) {
            return false;
        }
        replace(MARKS, cellId, new Document("markedAt", Date.from(Instant.now())));
        return true;
    }

    /** Every reference cell's features document, by cell id (a stable input order for the map). */
    public List<Document> referenceFeatures() {
        Set<String> marked = new HashSet<>();
        collection(MARKS).find().projection(new Document("_id", 1)).forEach(d -> marked.add(d.getString("_id")));
        List<Document> out = new ArrayList<>();
        collection(FEATURES).find(Filters.or(Filters.eq("provenance.source", SOURCE_DANDI),
                        Filters.in("_id", marked))).sort(Sorts.ascending("_id")).forEach(out::add);
        return out;
    }

    /** Every features document, by cell id. */
    public List<Document> allFeatures() {
        List<Document> out = new ArrayList<>();
        collection(FEATURES).find().sort(Sorts.ascending("_id")).forEach(out::add);
        return out;
    }

    /** Every file's metadata by file key (the join of a whole map is one read, not one per cell). */
    public Map<String, Document> metadataByFile() {
        Map<String, Document> out = new HashMap<>();
        collection(METADATA).find().forEach(d -> out.put(d.getString("_id"), d));
        return out;
    }

    private void replace(String collection, String id, Document doc) {
        doc.append("_id", id);
        collection(collection).replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getDatabase(database).getCollection(name);
    }
}
