package org.patchmap.metadata.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
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
    MongoDatabase database;

    public void save(AssetEvent asset) {
        Document doc = new Document("_id", asset.fileKey())
                .append("digest", asset.digest())
                .append("provenance", Document.parse(EventJson.write(asset.provenance())))
                .append("assetMetadata", new Document(asset.assetMetadata()))
                // The whole event, so a file's metadata can be extracted again when its file's own
                // subject arrives later on patchmap.sweeps.
                .append("event", EventJson.write(asset));
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", asset.fileKey()), doc,
                new ReplaceOptions().upsert(true));
    }

    public Optional<Document> find(String fileKey) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(Filters.eq("_id", fileKey)).first());
    }

    /** The last asset event received for a file. */
    public Optional<AssetEvent> findEvent(String fileKey) {
        return find(fileKey).map(d -> d.getString("event")).filter(e -> e != null)
                .map(e -> EventJson.read(org.patchmap.events.Topics.ASSETS, e, AssetEvent.class));
    }
}
