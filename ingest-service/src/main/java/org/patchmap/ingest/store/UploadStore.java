package org.patchmap.ingest.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Collection {@code uploads}: one document per file a user uploaded ({@code _id} = the upload
 * id), with its name, size, digest, file key, local path and {@link UploadStatus}; once
 * extracted, its {@code cellId}, once failed its {@code outcome} and {@code reason}; once an admin
 * admitted it (it never expires), {@code admittedAt}.
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
     * @param outcome    the extraction's outcome ({@code extracted}, {@code no_family}, {@code unreadable}...)
     * @param admittedAt when an admin admitted it (kept beyond the retention); null if never
     */
    public record Upload(String id, String fileName, long sizeBytes, String digest, String fileKey, String localPath,
                         UploadStatus status, AssetStatus outcome, String reason, String cellId, Instant receivedAt,
                         Instant updatedAt, Instant admittedAt) {
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

    /** Marks the upload admitted at {@code at} (a second admission keeps the first time); empty if there is none. */
    public Optional<Upload> admit(String id, Instant at) {
        uploads.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("admittedAt", null)),
                Updates.set("admittedAt", Date.from(at)));
        return find(id);
    }

    /** Uploads received before {@code cutoff} and never admitted, oldest first. */
    public List<Upload> expiredBefore(Instant cutoff) {
        List<Upload> found = new ArrayList<>();
        uploads.find(Filters.and(Filters.lt("receivedAt", Date.from(cutoff)), Filters.eq("admittedAt", null)))
                .sort(Sorts.ascending("receivedAt")).forEach(d -> found.add(upload(d)));
        return found;
    }

    /**
     * Whether another upload of this file ({@code fileKey}: the same content under the same name) is admitted or
     * received at or after {@code cutoff}: the file's data are still in use.
     */
    public boolean otherLiveUpload(String fileKey, String exceptId, Instant cutoff) {
        return uploads.countDocuments(Filters.and(Filters.eq("fileKey", fileKey), Filters.ne("_id", exceptId),
                Filters.or(Filters.ne("admittedAt", null), Filters.gte("receivedAt", Date.from(cutoff))))) > 0;
    }

    public void delete(String id) {
        uploads.deleteOne(Filters.eq("_id", id));
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
                d.getString("cellId"), d.getDate("receivedAt").toInstant(), d.getDate("updatedAt").toInstant(),
                d.getDate("admittedAt") == null ? null : d.getDate("admittedAt").toInstant());
    }
}
