package org.patchmap.ingest.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.TestInfrastructure;
import org.patchmap.events.Sha256;
import org.patchmap.events.SweepFamilyEvent.TraceRef;

import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Traces written again (an extraction that comes again after its process died) land in the same GridFS file, and
 * the chunks an upload cut short left behind are removed first, so no chunk is ever without its file.
 */
class TraceWriterTest {
    private static MongoClient client;
    private static MongoDatabase db;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoConnectionString());
        db = client.getDatabase("trace-writer-" + UUID.randomUUID());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aWriteCutShortLeavesNoChunkBehindOnceWrittenAgain() throws Exception {
        TraceWriter writer = new TraceWriter(db, "traces");
        byte[] bytes = new byte[600_000]; // three chunks of 255 kB
        Arrays.fill(bytes, (byte) 7);
        String cellId = "upload:0123456789abcdef/cut-short.abf";
        ObjectId id = TraceWriter.fileId(cellId, TraceKind.TRACES, Sha256.hex(bytes));
        // what a process killed during the upload leaves: two chunks, no file document
        for (int n = 0; n < 2; n++) {
            db.getCollection("traces.chunks").insertOne(new Document("files_id", id).append("n", n)
                    .append("data", new Binary(Arrays.copyOf(bytes, 255 * 1024))));
        }

        TraceRef ref = writer.write(cellId, TraceKind.TRACES, "sha2-256:x#1", "compact-f32", bytes, 9);
        assertEquals(id.toHexString(), ref.fileId());
        assertEquals(3, db.getCollection("traces.chunks").countDocuments(Filters.eq("files_id", id)));
        java.io.ByteArrayOutputStream stored = new java.io.ByteArrayOutputStream();
        GridFSBuckets.create(db, "traces").downloadToStream(id, stored);
        assertArrayEquals(bytes, stored.toByteArray());

        // written again: the same file, nothing new
        assertEquals(ref, writer.write(cellId, TraceKind.TRACES, "sha2-256:x#1", "compact-f32", bytes, 9));
        assertEquals(1, db.getCollection("traces.files").countDocuments());
        assertEquals(3, db.getCollection("traces.chunks").countDocuments());
    }
}
