package org.patchmap.metadata.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;

import java.util.Optional;

/**
 * Collection {@code asset_metadata}: the last metadata received per file key, replaced whole
 * and built only from the event, so that processing an event twice leaves the same document.
 */
@ApplicationScoped
public class AssetMetadataStore {
    static final String COLLECTION = "asset_metadata";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    public void save(AssetEvent asset) {
        Document doc = new Document("_id", asset.fileKey())
                .append("digest", asset.digest())
                .append("provenance", Document.parse(EventJson.write(asset.provenance())))
                .append("assetMetadata", new Document(asset.assetMetadata()))
                // The whole event, so a file's metadata can be extracted again when its file's own
                // subject arrives later on patchmap.sweeps.
                .append("event", EventJson.write(asset));
        collection().replaceOne(Filters.eq("_id", asset.fileKey()), doc, new ReplaceOptions().upsert(true));
    }

    public Optional<Document> find(String fileKey) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", fileKey)).first());
    }

    /** The last asset event received for a file. */
    public Optional<AssetEvent> findEvent(String fileKey) {
        return find(fileKey).map(d -> d.getString("event")).filter(e -> e != null)
                .map(e -> EventJson.read(org.patchmap.events.Topics.ASSETS, e, AssetEvent.class));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
