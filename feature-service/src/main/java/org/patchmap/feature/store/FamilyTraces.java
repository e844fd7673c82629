package org.patchmap.feature.store;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.core.sweep.TraceCodec;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.SweepFamilyEvent.TraceRef;
import org.patchmap.feature.config.FeatureConfig;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Reads a family's traces from GridFS and checks them against the event's claim-check. */
@ApplicationScoped
public class TraceStore {
    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    FeatureConfig config;

    public List<Sweep> load(SweepFamilyEvent family) {
        TraceRef ref = family.traces();
        String what = "traces " + ref.fileId() + " of " + family.cellId();
        if (!ref.bucket().equals(config.traces().bucket())) {
            throw new TraceUnavailableException(what + " are in GridFS bucket '" + ref.bucket()
                    + "', this service reads '" + config.traces().bucket() + "'");
        }
        if (!ObjectId.isValid(ref.fileId())) {
            throw new TraceUnavailableException(what + ": '" + ref.fileId() + "' is not a GridFS file id");
        }
        GridFSBucket bucket = GridFSBuckets.create(mongo.getDatabase(database), ref.bucket());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            bucket.downloadToStream(new ObjectId(ref.fileId()), out);
        } catch (MongoGridFSException e) {
            throw new TraceUnavailableException(what + " not found in GridFS bucket '" + ref.bucket() + "'", e);
        }
        byte[] bytes = out.toByteArray();
        ref.mismatch(bytes).ifPresent(m -> {
            throw new TraceUnavailableException(what + " " + m);
        });
        if (!TraceCodec.supports(ref.encoding())) {
            throw new TraceUnavailableException(what + " have encoding '" + ref.encoding() + "', expected '"
                    + TraceCodec.ENCODING + "' or '" + TraceCodec.COMPACT_ENCODING + "'");
        }
        List<Sweep> sweeps;
        try {
            sweeps = TraceCodec.decode(ref.encoding(), bytes);
        } catch (IllegalArgumentException e) {
            throw new TraceUnavailableException(what + ": " + e.getMessage(), e);
        }
        if (sweeps.size() != family.sweeps().size()) {
            throw new TraceUnavailableException(what + " hold " + sweeps.size() + " sweeps, the event lists "
                    + family.sweeps().size());
        }
        return sweeps;
    }

}
