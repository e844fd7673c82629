package org.patchmap.endtoend;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What the stores, the topics and the map hold, read directly (MongoDB driver, Kafka clients, the export), to
 * count at the end of a run what each cell left and what was left behind.
 */
final class AtlasAudit implements AutoCloseable {
    /**
     * The topics of a cell's path with one record per cell, whose duplicate deliveries the report counts
     * (patchmap.metadata has two by design: from the asset, then with the file's own subject).
     */
    private static final List<String> TOPICS = List.of("patchmap.assets", "patchmap.sweeps", "patchmap.features");
    private final MongoClient mongo;
    private final MongoDatabase db;
    private final String kafka;
    private final int embeddingPort;
    private final HttpClient http = HttpClient.newHttpClient();

    AtlasAudit(String mongoUri, String kafka, int embeddingPort) {
        this.mongo = MongoClients.create(mongoUri + "/?serverSelectionTimeoutMS=5000&connectTimeoutMS=5000");
        this.db = mongo.getDatabase("patchmap");
        this.kafka = kafka;
        this.embeddingPort = embeddingPort;
    }

    /**
     * What a run left: ledger rows and states, the cells in each store and on the map, GridFS files and chunks,
     * records begun and not finished, dead letters per topic, files left on disk, duplicate deliveries per topic.
     */
    record Report(long assets, Map<String, Long> assetsByStatus, Set<String> extractedCells,
                  Set<String> featureDocuments, Set<String> metadataDocuments, Set<String> mapCells, int mapRows,
                  long traceFiles, long unreferencedTraceFiles, long orphanChunks, long recordAttempts,
                  Map<String, Long> deadLetters, List<String> leftoverFiles, Map<String, Long> duplicateDeliveries) {
        @Override
        public String toString() {
            return "ledger " + assetsByStatus + ", features " + featureDocuments.size() + ", metadata "
                    + metadataDocuments.size() + ", map " + mapCells.size() + " cells in " + mapRows + " rows, GridFS "
                    + traceFiles + " files (" + unreferencedTraceFiles + " unreferenced, " + orphanChunks
                    + " orphan chunks), record attempts " + recordAttempts + ", dead letters " + deadLetters
                    + ", leftover files " + leftoverFiles.size() + ", duplicate deliveries " + duplicateDeliveries;
        }
    }

    /**
     * Waits until cells extracted + features stored + cells joined by the map reach {@code milestone}, and
     * returns that sum; while MongoDB is being restarted, asks again.
     */
    long awaitProgress(long milestone) throws InterruptedException {
        while (true) {
            try {
                long progress = db.getCollection("assets").countDocuments(Filters.eq("status", "extracted"))
                        + db.getCollection("features").countDocuments()
                        + db.getCollection("cell_features").countDocuments();
                if (progress >= milestone) {
                    return progress;
                }
            } catch (RuntimeException e) {
                // the database is down or starting: the launcher starts it again
            }
            Thread.sleep(1000);
        }
    }

    Report report(Path ingestData) throws Exception {
        awaitNoRecordInProgress();
        long assets = db.getCollection("assets").countDocuments();
        Map<String, Long> byStatus = new TreeMap<>();
        Set<String> extracted = new TreeSet<>();
        Set<String> referenced = new HashSet<>();
        for (Document d : db.getCollection("assets").find()) {
            byStatus.merge(d.getString("status"), 1L, Long::sum);
            if ("extracted".equals(d.getString("status"))) {
                extracted.add(d.getString("cellId"));
            }
            for (String ref : List.of("traces", "display")) {
                Document r = d.get(ref, Document.class);
                if (r != null) {
                    referenced.add(r.getString("fileId"));
                }
            }
        }
        Set<String> files = new HashSet<>();
        db.getCollection("traces.files").find().projection(Projections.include("_id"))
                .forEach(d -> files.add(d.getObjectId("_id").toHexString()));
        long unreferenced = files.stream().filter(f -> !referenced.contains(f)).count();
        long orphanChunks = 0;
        for (Document c : db.getCollection("traces.chunks").find().projection(Projections.include("files_id"))) {
            if (!files.contains(c.getObjectId("files_id").toHexString())) {
                orphanChunks++;
            }
        }
        List<String> map = mapCellIds();
        List<String> leftovers = new ArrayList<>(KillAndRestartEndToEndTest.filesUnder(ingestData.resolve("work")));
        leftovers.addAll(KillAndRestartEndToEndTest.filesUnder(ingestData.resolve("uploads")));
        return new Report(assets, byStatus, extracted, ids("features"), ids("metadata"), new TreeSet<>(map), map.size(),
                files.size(), unreferenced, orphanChunks, db.getCollection("record_attempts").countDocuments(),
                deadLetters(), leftovers, duplicateDeliveries());
    }

    /**
     * A record redelivered after a kill may still be in progress when the last cell reaches the map; its
     * attempt document goes once it is done. Waits for that (at most two minutes, a bound against hangs).
     */
    private void awaitNoRecordInProgress() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (db.getCollection("record_attempts").countDocuments() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private Set<String> ids(String collection) {
        Set<String> out = new TreeSet<>();
        db.getCollection(collection).find().projection(Projections.include("_id")).forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    /** The cell ids of the current map's export, one per row. */
    private List<String> mapCellIds() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + embeddingPort
                + "/api/export.csv")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /api/export.csv answered HTTP " + r.statusCode() + ": " + r.body());
        }
        List<String> lines = r.body().lines().filter(l -> !l.startsWith("#")).toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        int column = header.indexOf("cell_id");
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[column]).toList();
    }

    /** Records per dead-letter topic, for those that hold any. */
    Map<String, Long> deadLetters() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
             KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : admin.listTopics().names().get(1, TimeUnit.MINUTES)) {
                if (topic.endsWith(".dlq")) {
                    long n = records(consumer, topic);
                    if (n > 0) {
                        out.put(topic, n);
                    }
                }
            }
        }
        return out;
    }

    /** Records minus distinct keys, per topic of a cell's path: deliveries made twice (at least once, by design). */
    private Map<String, Long> duplicateDeliveries() {
        Map<String, Long> out = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : TOPICS) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(1)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long total = 0;
                Set<String> keys = new HashSet<>();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                        total++;
                        keys.add(r.key());
                    }
                }
                out.put(topic, total - keys.size());
            }
        }
        return out;
    }

    /** The values of every record of {@code topic}, each cut to 400 characters (to say what a dead letter holds). */
    List<String> values(String topic) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(1)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    out.add(r.value().substring(0, Math.min(400, r.value().length())));
                }
            }
        }
        return out;
    }

    private static long records(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(1)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        return consumer.endOffsets(partitions).entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey()))
                .sum();
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public void close() {
        mongo.close();
    }
}
