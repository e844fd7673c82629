package org.patchmap.metadata.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.Provenance;
import org.patchmap.events.Topics;
import org.patchmap.metadata.domain.ReceivedAsset;

import java.util.Map;
import java.util.Optional;

/**
 * Collection {@code asset_metadata}: the last metadata received per file key ({@code digest},
 * {@code provenance}, {@code assetMetadata}, and the whole event as JSON text in {@code event}), replaced
 * whole and built only from the event, so that processing an event twice leaves the same document.
 */
@ApplicationScoped
public class AssetMetadataStore {
    static final String COLLECTION = "asset_metadata";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

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

    /** Deletes the documents whose key matches {@code keyPattern} (a regular expression); returns how many. */
    public long deleteMatching(String keyPattern) {
        return database.getCollection(COLLECTION).deleteMany(Filters.regex("_id", keyPattern)).getDeletedCount();
    }

    public Optional<ReceivedAsset> find(String fileKey) {
        return document(fileKey).map(d -> new ReceivedAsset(fileKey, d.getString("digest"),
                EventJson.mapper().convertValue(d.get("provenance"), Provenance.class),
                EventJson.mapper().convertValue(d.get("assetMetadata"), JSON_OBJECT)));
    }

    /** The last asset event received for a file. */
    public Optional<AssetEvent> findEvent(String fileKey) {
        return document(fileKey).map(d -> d.getString("event"))
                .map(e -> EventJson.read(Topics.ASSETS, e, AssetEvent.class));
    }

    private Optional<Document> document(String fileKey) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(Filters.eq("_id", fileKey)).first());
    }
}
