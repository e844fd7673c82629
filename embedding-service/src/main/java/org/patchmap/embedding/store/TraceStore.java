package org.patchmap.embedding.store;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchmap.core.sweep.DisplayCodec;
import org.patchmap.core.sweep.DisplayTrace;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Each cell's display traces: {@code cell_traces} keeps, per cell, the {@code patchmap.sweeps} claim-check of
 * its display traces and its sweeps' amplitudes (the display file itself has no stimulus amplitude); the
 * bytes stay in ingest's GridFS bucket and are checked by length and SHA-256 before decoding.
 */
@ApplicationScoped
public class TraceStore {
    static final String CELL_TRACES = "cell_traces";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** Keeps what a family event says about its display traces (nothing when it has none). */
    public void saveFamily(SweepFamilyEvent family) {
        Document doc = Document.parse(EventJson.write(family));
        Document kept = new Document("_id", family.cellId()).append("inputDigest", family.inputDigest())
                .append("samplingRateHz", family.samplingRateHz()).append("window", doc.get("window"))
                .append("sweeps", doc.get("sweeps")).append("display", doc.get("display"));
        collection().replaceOne(Filters.eq("_id", family.cellId()), kept, new ReplaceOptions().upsert(true));
    }

    /** The family document of a cell (amplitudes and the display claim-check), if its sweeps event was seen. */
    public Optional<Document> family(String cellId) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", cellId)).first());
    }

    /** Loads and checks the display traces a family document points at. */
    public List<DisplayTrace> display(String cellId, Document display) {
        String fileId = display.getString("fileId");
        String bucketName = display.getString("bucket");
        String what = "display traces " + fileId + " of " + cellId;
        if (!ObjectId.isValid(fileId)) {
            throw new TracesUnavailableException(what + ": '" + fileId + "' is not a GridFS file id");
        }
        GridFSBucket bucket = GridFSBuckets.create(mongo.getDatabase(database), bucketName);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            bucket.downloadToStream(new ObjectId(fileId), out);
        } catch (MongoGridFSException e) {
            throw new TracesUnavailableException(what + " not found in GridFS bucket '" + bucketName + "'");
        }
        byte[] bytes = out.toByteArray();
        SweepFamilyEvent.TraceRef ref = EventJson.mapper().convertValue(display, SweepFamilyEvent.TraceRef.class);
        ref.mismatch(bytes).ifPresent(m -> {
            throw new TracesUnavailableException(what + " " + m);
        });
        if (!DisplayCodec.ENCODING.equals(display.getString("encoding"))) {
            throw new TracesUnavailableException(what + " have encoding '" + display.getString("encoding")
                    + "', expected '" + DisplayCodec.ENCODING + "'");
        }
        try {
            return DisplayCodec.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new TracesUnavailableException(what + ": " + e.getMessage());
        }
    }

    /** The stored display traces cannot be read; the message names the file and the cause. */
    public static class TracesUnavailableException extends RuntimeException {
        public TracesUnavailableException(String message) {
            super(message);
        }
    }


    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(CELL_TRACES);
    }
}
