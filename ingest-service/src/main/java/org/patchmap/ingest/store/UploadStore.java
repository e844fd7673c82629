package org.patchmap.ingest.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Collection {@code uploads}: one document per file a user uploaded ({@code _id} = the upload
 * id), with its name, size, digest, file key, local path and {@link UploadStatus}; once
 * extracted, its {@code cellId}, once failed its {@code outcome} and {@code reason}.
 */
@ApplicationScoped
public class UploadStore {
    static final String COLLECTION = "uploads";

    private final MongoCollection<Document> uploads;

    @Inject
    UploadStore(MongoDatabase database) {
        this.uploads = database.getCollection(COLLECTION);
    }

    /**
     * One upload.
     *
     * @param outcome the extraction's outcome ({@code extracted}, {@code no_family}, {@code unreadable}...)
     */
    public record Upload(String id, String fileName, long sizeBytes, String digest, String fileKey, String localPath,
                         UploadStatus status, AssetStatus outcome, String reason, String cellId, Instant receivedAt,
                         Instant updatedAt) {
    }

    public void insert(Upload u) {
        uploads.insertOne(new Document("_id", u.id()).append("fileName", u.fileName())
                .append("sizeBytes", u.sizeBytes()).append("digest", u.digest()).append("fileKey", u.fileKey())
                .append("localPath", u.localPath()).append("status", u.status().wire())
                .append("outcome", wire(u.outcome())).append("reason", u.reason()).append("cellId", u.cellId())
                .append("receivedAt", Date.from(u.receivedAt())).append("updatedAt", Date.from(u.updatedAt())));
    }

    public Optional<Upload> find(String id) {
        return Optional.ofNullable(uploads.find(Filters.eq("_id", id)).first()).map(UploadStore::upload);
    }

    /** Sets the status (and outcome, reason, cell id) of one upload. */
    public void update(String id, UploadStatus status, AssetStatus outcome, String reason, String cellId) {
        uploads.updateOne(Filters.eq("_id", id), changes(status, outcome, reason, cellId));
    }

    /**
     * Sets the status of every upload of this file: same file key and digest, the same content
     * uploaded twice under one name is one asset, and its latest extraction speaks for both.
     */
    public void updateFile(String fileKey, String digest, UploadStatus status, AssetStatus outcome, String reason,
                           String cellId) {
        uploads.updateMany(Filters.and(Filters.eq("fileKey", fileKey), Filters.eq("digest", digest)),
                changes(status, outcome, reason, cellId));
    }

    private static Bson changes(UploadStatus status, AssetStatus outcome, String reason, String cellId) {
        return Updates.combine(Updates.set("status", status.wire()), Updates.set("outcome", wire(outcome)),
                Updates.set("reason", reason), Updates.set("cellId", cellId), Updates.set("updatedAt", new Date()));
    }

    private static String wire(AssetStatus outcome) {
        return outcome == null ? null : outcome.wire();
    }

    private static Upload upload(Document d) {
        return new Upload(d.getString("_id"), d.getString("fileName"), ((Number) d.get("sizeBytes")).longValue(),
                d.getString("digest"), d.getString("fileKey"), d.getString("localPath"),
                UploadStatus.of(d.getString("status")), AssetStatus.of(d.getString("outcome")), d.getString("reason"),
                d.getString("cellId"), d.getDate("receivedAt").toInstant(), d.getDate("updatedAt").toInstant());
    }
}
