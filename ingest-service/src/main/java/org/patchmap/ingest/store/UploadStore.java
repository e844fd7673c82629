package org.patchmap.ingest.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Collection {@code uploads}: one document per file a user uploaded ({@code _id} = the upload
 * id), with its name, size, digest, file key and where the pipeline is: {@code received} (stored,
 * published on patchmap.assets), {@code extracting}, {@code extracted} (with {@code cellId}) or
 * {@code failed} (with {@code outcome} and {@code reason}).
 */
@ApplicationScoped
public class UploadStore {
    static final String COLLECTION = "uploads";
    public static final String RECEIVED = "received";
    public static final String EXTRACTING = "extracting";
    public static final String EXTRACTED = "extracted";
    public static final String FAILED = "failed";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /**
     * One upload.
     *
     * @param outcome the extraction's outcome ({@code extracted}, {@code no_family}, {@code unreadable}...)
     */
    public record Upload(String id, String fileName, long sizeBytes, String digest, String fileKey, String localPath,
                         String status, String outcome, String reason, String cellId, Instant receivedAt,
                         Instant updatedAt) {
    }

    public void insert(Upload u) {
        collection().insertOne(new Document("_id", u.id()).append("fileName", u.fileName())
                .append("sizeBytes", u.sizeBytes()).append("digest", u.digest()).append("fileKey", u.fileKey())
                .append("localPath", u.localPath()).append("status", u.status()).append("outcome", u.outcome())
                .append("reason", u.reason()).append("cellId", u.cellId())
                .append("receivedAt", Date.from(u.receivedAt())).append("updatedAt", Date.from(u.updatedAt())));
    }

    public Optional<Upload> find(String id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(UploadStore::upload);
    }

    /** Sets the status (and outcome, reason, cell id) of one upload. */
    public void update(String id, String status, String outcome, String reason, String cellId) {
        collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", status),
                Updates.set("outcome", outcome), Updates.set("reason", reason), Updates.set("cellId", cellId),
                Updates.set("updatedAt", new Date())));
    }

    /**
     * Sets the status of every upload of this file: same file key and digest, the same content
     * uploaded twice under one name is one asset, and its latest extraction speaks for both.
     */
    public void updateFile(String fileKey, String digest, String status, String outcome, String reason,
                           String cellId) {
        collection().updateMany(Filters.and(Filters.eq("fileKey", fileKey), Filters.eq("digest", digest)),
                Updates.combine(Updates.set("status", status), Updates.set("outcome", outcome),
                        Updates.set("reason", reason), Updates.set("cellId", cellId),
                        Updates.set("updatedAt", new Date())));
    }

    private static Upload upload(Document d) {
        return new Upload(d.getString("_id"), d.getString("fileName"), ((Number) d.get("sizeBytes")).longValue(),
                d.getString("digest"), d.getString("fileKey"), d.getString("localPath"), d.getString("status"),
                d.getString("outcome"), d.getString("reason"), d.getString("cellId"),
                d.getDate("receivedAt").toInstant(), d.getDate("updatedAt").toInstant());
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
