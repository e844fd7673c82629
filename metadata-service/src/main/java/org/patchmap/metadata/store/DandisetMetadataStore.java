package org.patchmap.metadata.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.patchmap.core.metadata.DandisetMetadata;
import org.patchmap.events.EventJson;
import org.patchmap.metadata.domain.DandisetVersionMetadata;

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
    private static final Logger LOG = Logger.getLogger(DandisetMetadataStore.class);

    @Inject
    MongoDatabase database;

    static String id(String dandisetId, String version) {
        return dandisetId + "@" + version;
    }

    /** The facts extracted with {@code vocabularyVersion}, if any. */
    public Optional<DandisetMetadata> find(String dandisetId, String version, String vocabularyVersion) {
        Document d = database.getCollection(COLLECTION).find(Filters.and(Filters.eq("_id", id(dandisetId, version)),
                Filters.eq("vocabularyVersion", vocabularyVersion))).first();
        return Optional.ofNullable(d).flatMap(DandisetMetadataStore::facts);
    }

    /** The entry of a dandiset version, whatever vocabulary it was extracted with. */
    public Optional<DandisetVersionMetadata> find(String dandisetId, String version) {
        Document d = database.getCollection(COLLECTION).find(Filters.eq("_id", id(dandisetId, version))).first();
        return Optional.ofNullable(d).flatMap(doc -> facts(doc).map(facts -> new DandisetVersionMetadata(
                doc.getString("dandisetId"), doc.getString("version"), doc.getString("vocabularyVersion"), facts,
                Instant.parse(doc.getString("extractedAt")))));
    }

    public void save(DandisetVersionMetadata entry) {
        String id = id(entry.dandisetId(), entry.version());
        Document doc = new Document("_id", id).append("dandisetId", entry.dandisetId())
                .append("version", entry.version()).append("vocabularyVersion", entry.vocabularyVersion())
                .append("facts", Document.parse(EventJson.write(entry.facts())))
                .append("extractedAt", entry.extractedAt().toString());
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    private static Optional<DandisetMetadata> facts(Document entry) {
        try {
            return Optional.ofNullable(EventJson.mapper().convertValue(entry.get("facts"), DandisetMetadata.class));
        } catch (RuntimeException e) {
            // Written by this class: an entry it cannot read (a damaged one) is extracted again, not fatal.
            LOG.warnf("%s: entry %s unreadable, extracting again: %s", COLLECTION, entry.get("_id"), e.getMessage());
            return Optional.empty();
        }
    }
}
