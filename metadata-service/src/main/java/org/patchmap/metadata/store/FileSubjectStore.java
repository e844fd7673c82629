package org.patchmap.metadata.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent.FileSubject;

import java.util.Optional;

/**
 * Collection {@code file_subjects}: the subject a recording file states about itself, with its
 * lab and institution (from {@code patchmap.sweeps}), per file key, replaced whole.
 */
@ApplicationScoped
public class FileSubjectStore {
    static final String COLLECTION = "file_subjects";

    @Inject
    MongoDatabase database;

    public void save(String fileKey, FileSubject subject) {
        Document doc = Document.parse(EventJson.write(subject)).append("_id", fileKey);
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", fileKey), doc,
                new ReplaceOptions().upsert(true));
    }

    /** Deletes the documents whose key matches {@code keyPattern} (a regular expression); returns how many. */
    public long deleteMatching(String keyPattern) {
        return database.getCollection(COLLECTION).deleteMany(Filters.regex("_id", keyPattern)).getDeletedCount();
    }

    public Optional<FileSubject> find(String fileKey) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(Filters.eq("_id", fileKey)).first())
                .map(d -> new FileSubject(d.getString("species"), d.getString("age"), d.getString("sex"),
                        d.getString("genotype"), d.getString("temperature"), d.getString("lab"),
                        d.getString("institution")));
    }
}
