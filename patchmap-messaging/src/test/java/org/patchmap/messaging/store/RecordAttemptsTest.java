package org.patchmap.messaging.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.infra.MongoWireServer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attempts at records counted on a MongoDB-wire server over TCP, as consumers that crash would leave them. */
class RecordAttemptsTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private static MongoWireServer server;
    private static MongoClient client;
    private MongoCollection<Document> collection;

    @BeforeAll
    static void start() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void emptyCollection() {
        collection = client.getDatabase("attempts-test").getCollection(RecordAttempts.COLLECTION);
        collection.drop();
    }

    private RecordAttempts at(Instant now) {
        return new RecordAttempts(collection, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void eachDeliveryOfAnUnfinishedRecordCountsTheAttemptsBeforeIt() {
        assertEquals(0, at(T0).begin("patchmap.sweeps", 2, 41, "feature-service"));
        // the consumer died; the record is delivered again after each restart
        assertEquals(1, at(T0.plusSeconds(30)).begin("patchmap.sweeps", 2, 41, "feature-service"));
        assertEquals(2, at(T0.plusSeconds(60)).begin("patchmap.sweeps", 2, 41, "feature-service"));

        Document doc = collection.find().first();
        assertEquals("patchmap.sweeps|2|41|feature-service", doc.getString("_id"));
        assertEquals(3L, doc.getLong("count"));
        assertEquals(T0, doc.getDate("firstAt").toInstant());
        assertEquals(T0.plusSeconds(60), doc.getDate("lastAt").toInstant());
        assertEquals("patchmap.sweeps", doc.getString("topic"));
        assertEquals(2, doc.getInteger("partition"));
        assertEquals(41L, doc.getLong("offset"));
        assertEquals("feature-service", doc.getString("group"));
    }

    @Test
    void aFinishedRecordIsForgottenAndAnotherGroupCountsItsOwn() {
        at(T0).begin("patchmap.assets", 0, 7, "ingest-service");
        at(T0).begin("patchmap.assets", 0, 7, "metadata-service");
        at(T0).finish("patchmap.assets", 0, 7, "ingest-service");

        assertEquals(1, collection.countDocuments());
        assertEquals(1, at(T0).begin("patchmap.assets", 0, 7, "metadata-service"));
        assertEquals(0, at(T0).begin("patchmap.assets", 0, 7, "ingest-service"));
    }

    @Test
    void anAttemptTakenBackDoesNotCount() {
        at(T0).begin("patchmap.features", 1, 3, "embedding-service");
        at(T0).begin("patchmap.features", 1, 3, "embedding-service");
        at(T0).takeBack("patchmap.features", 1, 3, "embedding-service");
        assertEquals(1, at(T0).begin("patchmap.features", 1, 3, "embedding-service"));
    }

    /**
     * Every increment counts. (The count each caller is returned is exact on MongoDB; the bundled wire
     * server may hand two concurrent callers the same one. One group member consumes a partition at a
     * time, so a record is not begun concurrently in practice.)
     */
    @Test
    void concurrentAttemptsAreEachCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> before = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                before.add(pool.submit(() -> at(T0).begin("patchmap.sweeps", 0, 9, "feature-service")));
            }
            for (Future<Long> f : before) {
                f.get();
            }
            assertEquals(40L, collection.find().first().getLong("count"));
            assertEquals(1, collection.countDocuments());
        } finally {
            pool.shutdown();
        }
    }
}
