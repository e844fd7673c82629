package org.patchmap.metadata.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.events.EventJson;

import java.time.Instant;
import java.util.Optional;

/**
 * Collection {@code dandiset_metadata}: what one dandiset version's own metadata says (summary
 * species, text region, temperature, the model's answer), under {@code <dandiset>@<version>}.
 * An entry counts only for the vocabulary version it was made with: a new vocabulary (or a new
 * dandiset version) is extracted again, nothing else is.
 */
@ApplicationScoped
public class DandisetMetadataStore {
    static final String COLLECTION = "dandiset_metadata";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DandisetMetadataStore.class);

    @Inject
    MongoDatabase database;

    public static String id(String dandisetId, String version) {
        return dandisetId + "@" + version;
    }

    /** The entry made with {@code vocabularyVersion}, if any. */
    public <T> Optional<T> find(String dandisetId, String version, String vocabularyVersion, Class<T> type) {
        Document d = database.getCollection(COLLECTION).find(Filters.and(Filters.eq("_id", id(dandisetId, version)),
                Filters.eq("vocabularyVersion", vocabularyVersion))).first();
        return Optional.ofNullable(d).flatMap(doc -> read(doc.get("facts", Document.class).toJson(), type));
    }

    private static <T> Optional<T> read(String json, Class<T> type) {
        try {
            return Optional.of(EventJson.mapper().readValue(json, type));
        } catch (java.io.IOException | RuntimeException e) {
            // Written by this class: an unreadable entry (older code, damage) is extracted again, not fatal.
            LOG.warnf("%s: entry unreadable as %s, extracting again: %s", COLLECTION, type.getSimpleName(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    public void save(String dandisetId, String version, String vocabularyVersion, Object facts, Instant at) {
        Document doc = new Document("_id", id(dandisetId, version)).append("dandisetId", dandisetId)
                .append("version", version).append("vocabularyVersion", vocabularyVersion)
                .append("facts", Document.parse(EventJson.write(facts))).append("extractedAt", at.toString());
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", doc.get("_id")), doc,
                new ReplaceOptions().upsert(true));
    }

    /** The raw entry, for the API. */
    public Optional<Document> raw(String dandisetId, String version) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(Filters.eq("_id", id(dandisetId, version)))
                .first());
    }
}
