package org.patchmap.embedding.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.MetadataEvent;

import java.util.Optional;

/**
 * The map's inputs: collection {@code cell_features} (one document per cell id) and
 * {@code file_metadata} (one per file key: metadata describes the animal and the recording,
 * shared by every cell of a file). Each document is replaced whole from its event, so replays
 * leave the same state; a cell is the join of the two.
 */
@ApplicationScoped
public class CellStore {
    static final String FEATURES = "cell_features";
    static final String METADATA = "file_metadata";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    public void saveFeatures(FeaturesEvent features) {
        replace(FEATURES, features.cellId(), Document.parse(EventJson.write(features)));
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

    private void replace(String collection, String id, Document doc) {
        doc.append("_id", id);
        collection(collection).replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getDatabase(database).getCollection(name);
    }
}
