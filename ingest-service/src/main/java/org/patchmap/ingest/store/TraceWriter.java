package org.patchmap.ingest.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchmap.events.Sha256;
import org.patchmap.events.SweepFamilyEvent.TraceRef;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a family's traces to GridFS (bucket {@code patchmap.traces.bucket}, the one
 * feature-service reads) and returns the claim-check the event carries. Each file is named by
 * its cell id, with metadata {@code cellId}, {@code kind}, {@code inputDigest}, {@code encoding},
 * {@code sha256} and {@code sweepCount}: an extraction replayed with the same bytes finds its
 * file and stores nothing new.
 */
@ApplicationScoped
public class TraceWriter {
    private final GridFSBucket bucket;
    private final MongoCollection<Document> chunks;
    private final String bucketName;

    @Inject
    TraceWriter(MongoDatabase database,
                @ConfigProperty(name = "patchmap.traces.bucket", defaultValue = "traces") String bucketName) {
        this.bucket = GridFSBuckets.create(database, bucketName);
        this.chunks = database.getCollection(bucketName + ".chunks");
        this.bucketName = bucketName;
    }

    /**
     * Deletes the GridFS files (traces and display traces) of every cell whose id matches {@code cellIdPattern}
     * (a regular expression on the file name, which is the cell id); returns how many there were.
     */
    public int deleteCells(String cellIdPattern) {
        List<ObjectId> ids = new ArrayList<>();
        bucket.find(Filters.regex("filename", cellIdPattern)).forEach(f -> ids.add(f.getObjectId()));
        ids.forEach(bucket::delete);
        return ids.size();
    }

    public TraceRef write(String cellId, TraceKind kind, String inputDigest, String encoding, byte[] bytes,
                          int sweepCount) {
        String sha = Sha256.hex(bytes);
        ObjectId id = fileId(cellId, kind, sha);
        GridFSFile known = bucket.find(Filters.eq("_id", id)).first();
        if (known == null) {
            // a file stored before ids were derived from the content
            known = bucket.find(Filters.and(Filters.eq("filename", cellId), Filters.eq("metadata.kind", kind.wire()),
                    Filters.eq("metadata.sha256", sha))).first();
        }
        if (known != null) {
            return new TraceRef(bucketName, known.getObjectId().toHexString(), encoding, bytes.length, sha, sweepCount);
        }
        // GridFS writes the chunks before the file's document: an upload cut short (the process killed) leaves
        // chunks of no file, under this same id, which the write that comes again removes first
        chunks.deleteMany(Filters.eq("files_id", id));
        Document metadata = new Document("cellId", cellId).append("kind", kind.wire())
                .append("inputDigest", inputDigest).append("encoding", encoding).append("sha256", sha)
                .append("sweepCount", sweepCount);
        bucket.uploadFromStream(new BsonObjectId(id), cellId, new ByteArrayInputStream(bytes),
                new GridFSUploadOptions().metadata(metadata));
        return new TraceRef(bucketName, id.toHexString(), encoding, bytes.length, sha, sweepCount);
    }

    /** The file's id, the same every time the same cell's traces of a kind are written with the same bytes. */
    static ObjectId fileId(String cellId, TraceKind kind, String sha256) {
        byte[] digest = Sha256.bytes((cellId + "\n" + kind.wire() + "\n" + sha256).getBytes(StandardCharsets.UTF_8));
        return new ObjectId(Arrays.copyOf(digest, 12));
    }
}
