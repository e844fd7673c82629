package org.patchmap.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.deploy.infra.KafkaBroker;
import org.patchmap.deploy.infra.MongoWireServer;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.deploy.testing.TestInfrastructure;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-process broker and the MongoDB-wire server are real: records go through, data persists. */
class InfrastructureTest {

    @Test
    void kafkaRecordsRoundTripInKeyOrder() {
        TestInfrastructure.get();
        for (int i = 0; i < 5; i++) {
            KafkaTestClient.send("infra.roundtrip", "cell-A", "event-" + i);
        }
        List<ConsumerRecord<String, String>> got = KafkaTestClient.await("infra.roundtrip",
                r -> "cell-A".equals(r.key()), 5);
        assertEquals(List.of("event-0", "event-1", "event-2", "event-3", "event-4"),
                got.stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void mongoUpsertIsIdempotent() {
        try (MongoClient client = MongoClients.create(TestInfrastructure.get().mongoConnectionString())) {
            MongoCollection<Document> cells = client.getDatabase("infra").getCollection("cells");
            for (int i = 0; i < 3; i++) {
                cells.replaceOne(Filters.eq("_id", "cell-1"), new Document("_id", "cell-1").append("v", 42),
                        new ReplaceOptions().upsert(true));
            }
            assertEquals(1, cells.countDocuments(Filters.eq("_id", "cell-1")));
            assertEquals(42, cells.find(Filters.eq("_id", "cell-1")).first().getInteger("v"));
        }
    }

    @Test
    void persistentMongoKeepsDataAcrossRestart(@TempDir Path dir) {
        try (MongoWireServer server = MongoWireServer.persistent(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("patchmap").getCollection("cells").insertOne(new Document("_id", "kept"));
        }
        try (MongoWireServer server = MongoWireServer.persistent(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertEquals(1, client.getDatabase("patchmap").getCollection("cells").countDocuments());
        }
    }

    @Test
    void kafkaKeepsTopicsAcrossRestart(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("kafka");
        try (KafkaBroker broker = KafkaBroker.start(logs, 0, 0);
             var admin = org.apache.kafka.clients.admin.Admin.create(
                     java.util.Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("kept.topic", 1, (short) 1)))
                    .all().get();
        }
        try (KafkaBroker broker = KafkaBroker.start(logs, 0, 0);
             var admin = org.apache.kafka.clients.admin.Admin.create(
                     java.util.Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertTrue(admin.listTopics().names().get().contains("kept.topic"));
        }
    }
}
