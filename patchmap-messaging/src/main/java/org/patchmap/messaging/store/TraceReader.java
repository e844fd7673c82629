package org.patchmap.messaging.store;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.types.ObjectId;
import org.patchmap.events.SweepFamilyEvent.TraceRef;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * Follows a {@code patchmap.sweeps} claim-check to the bytes ingest wrote to GridFS and decodes them: the
 * file must exist, match the event's length and SHA-256, and carry an encoding the caller reads. Every
 * failure is a {@link TraceUnavailableException} whose message starts with {@code what} and keeps its cause.
 */
@ApplicationScoped
public class TraceReader {
    @Inject
    MongoDatabase database;

    /**
     * @param what      how messages name the traces, e.g. "traces 65a… of 000008/sub-1/cell.nwb"
     * @param encodings the encodings {@code decode} reads, in the order messages list them
     * @param decode    bytes to traces; an {@link IllegalArgumentException} means damaged bytes
     */
    public <T> T read(TraceRef ref, String what, List<String> encodings, Function<byte[], T> decode) {
        if (!ObjectId.isValid(ref.fileId())) {
            throw new TraceUnavailableException(what + ": '" + ref.fileId() + "' is not a GridFS file id");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            GridFSBuckets.create(database, ref.bucket()).downloadToStream(new ObjectId(ref.fileId()), out);
        } catch (MongoGridFSException e) {
            throw new TraceUnavailableException(what + " not found in GridFS bucket '" + ref.bucket() + "'", e);
        }
        byte[] bytes = out.toByteArray();
        ref.mismatch(bytes).ifPresent(m -> {
            throw new TraceUnavailableException(what + " " + m);
        });
        if (!encodings.contains(ref.encoding())) {
            throw new TraceUnavailableException(what + " have encoding '" + ref.encoding() + "', expected '"
                    + String.join("' or '", encodings) + "'");
        }
        try {
            return decode.apply(bytes);
        } catch (IllegalArgumentException e) {
            throw new TraceUnavailableException(what + ": " + e.getMessage(), e);
        }
    }
}
