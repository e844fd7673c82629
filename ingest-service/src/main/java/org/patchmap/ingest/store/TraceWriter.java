package org.patchmap.ingest.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchmap.events.Sha256;
import org.patchmap.events.SweepFamilyEvent.TraceRef;

import java.io.ByteArrayInputStream;

/**
 * Writes a family's traces to GridFS (bucket {@code patchmap.traces.bucket}, the one
 * feature-service reads) and returns the claim-check the event carries. Each file is named by
 * its cell id, with metadata {@code cellId}, {@code kind} ({@code traces} or {@code display}),
 * {@code inputDigest}, {@code encoding} and {@code sha256}: an extraction replayed with the same
 * bytes finds its file and stores nothing new.
 */
@ApplicationScoped
public class TraceStore {
    public static final String TRACES = "traces";
    public static final String DISPLAY = "display";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @ConfigProperty(name = "patchmap.traces.bucket", defaultValue = "traces")
    String bucketName;

    public TraceRef store(String cellId, String kind, String inputDigest, String encoding, byte[] bytes,
                          int sweepCount) {
        String sha = Sha256.hex(bytes);
        GridFSBucket bucket = GridFSBuckets.create(mongo.getDatabase(database), bucketName);
        GridFSFile known = bucket.find(Filters.and(Filters.eq("filename", cellId), Filters.eq("metadata.kind", kind),
                Filters.eq("metadata.sha256", sha))).first();
        String id;
        if (known != null) {
            id = known.getObjectId().toHexString();
        } else {
            Document metadata = new Document("cellId", cellId).append("kind", kind).append("inputDigest", inputDigest)
                    .append("encoding", encoding).append("sha256", sha).append("sweepCount", sweepCount);
            id = bucket.uploadFromStream(cellId, new ByteArrayInputStream(bytes),
                    new GridFSUploadOptions().metadata(metadata)).toHexString();
        }
        return new TraceRef(bucketName, id, encoding, bytes.length, sha, sweepCount);
    }

}
