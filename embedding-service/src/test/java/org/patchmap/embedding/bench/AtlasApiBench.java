package org.patchmap.embedding.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.jboss.logmanager.LogContext;
import org.patchmap.core.features.FeatureNames;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MapParameters;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.deploy.infra.KafkaBroker;
import org.patchmap.deploy.infra.MongoWireServer;
import org.patchmap.embedding.atlas.MapArrow;
import org.patchmap.embedding.map.MapInputs;
import org.patchmap.embedding.store.ParameterFields;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.FeaturesEvent.FeatureValue;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.MetadataEvent.SourcedTerm;
import org.patchmap.events.Provenance;
import org.patchmap.events.SimulatedOrigin;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * The atlas read API under load, on this machine only: seeds a MongoDB-wire server with N SIMULATED cells (features
 * of {@link SyntheticCells}, simulated metadata, a map version of them with made-up positions, some placed uploads),
 * starts the packaged embedding-service against it (heap 2 GB, its own JVM), waits until the stored map is restored,
 * then sends a fixed number of requests per endpoint at a fixed concurrency and prints requests/s, p50 and p99
 * latency, response sizes and the service's peak heap. Loopback only; every loop is bounded. Not a test.
 * With {@code --serve} it measures nothing: it prints "serving URL" once the map is restored and keeps the service
 * up until stopped, for the web atlas render bench ({@code embedding-service/web-bench.sh}).
 *
 * <p>Run from the repository root (docs/benchmarks.md, "Atlas API at 100,000 cells"):
 * {@code java -cp ... org.patchmap.embedding.bench.AtlasApiBench [--cells 100000] [--placed 500] [--serve]}.
 */
public final class AtlasApiBench {
    private static final String DATABASE = "patchmap-bench";
    private static final String VERSION = "2026-12-03T00:00:00Z-000000";
    private static final List<String> SPECIES = List.of("Mus musculus", "Homo sapiens", "Rattus norvegicus");
    private static final List<String> REGIONS = List.of("primary visual cortex", "motor cortex", "hippocampus",
            "somatosensory cortex", "prefrontal cortex", "striatum", "thalamus", "cerebellum", "amygdala",
            "entorhinal cortex");
    private static final int TYPES = 8;
    private static final int BATCH = 1000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;
    /** The service's management interface (health, metrics): {@code http://localhost:port/q}. */
    private String management;
    private final AtomicLong heapPeak = new AtomicLong();

    public static void main(String[] args) throws Exception {
        // the MongoDB-wire server logs every message at debug level: tens of MB per batch of seed documents
        for (String category : List.of("de.bwaldvogel", "org.mongodb.driver", "org.apache.kafka", "kafka")) {
            LogContext.getSystemLogContext().getLogger(category).setLevel(Level.WARNING);
        }
        int cells = 100_000;
        int placed = 500;
        Path jar = Path.of("embedding-service/target/quarkus-app/quarkus-run.jar");
        Duration restoreWait = Duration.ofMinutes(15);
        boolean serve = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cells" -> cells = Integer.parseInt(args[++i]);
                case "--placed" -> placed = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--restore-wait-min" -> restoreWait = Duration.ofMinutes(Integer.parseInt(args[++i]));
                case "--serve" -> serve = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --cells N, --placed N, --jar PATH, --restore-wait-min N, --serve");
            }
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package embedding-service first");
        }
        new AtlasApiBench().run(cells, placed, jar, restoreWait, serve);
    }

    /**
     * Seeds, starts the service and waits for the restore; then measures the requests, or with {@code serve} prints
     * "serving URL" and keeps the service up for a browser (web-bench.sh) until this JVM is stopped.
     */
    private void run(int cells, int placed, Path jar, Duration restoreWait, boolean serve) throws Exception {
        System.out.printf("atlas API bench: %,d SIMULATED reference cells, %d placed uploads; load average %s%n",
                cells, placed, loadAverage());
        Path dir = Files.createTempDirectory("patchmap-api-bench");
        KafkaBroker.quietLogs();
        Process service = null;
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), 0, 0);
             MongoWireServer mongo = MongoWireServer.persistent(dir.resolve("mongo"), 0)) {
            long t0 = System.nanoTime();
            List<String> ids;
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                ids = seed(client.getDatabase(DATABASE), cells, placed);
            }
            System.out.printf("seeded in %.1f s (%,d cells on the map)%n", seconds(t0), ids.size());

            int port = freePort();
            base = "http://localhost:" + port;
            int managementPort = freePort();
            management = "http://localhost:" + managementPort + "/q";
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx2g", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-jar", jar.toString());
            pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            pb.environment().put("MONGODB_URI", mongo.connectionString());
            pb.environment().put("MONGODB_DATABASE", DATABASE);
            pb.environment().put("HTTP_PORT", String.valueOf(port));
            pb.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
            pb.redirectErrorStream(true).redirectOutput(dir.resolve("embedding-service.log").toFile());
            long started = System.nanoTime();
            service = pb.start();
            Thread sampler = heapSampler();
            if (!awaitStatus("GET", management + "/health/ready", null, 200, Duration.ofMinutes(5))) {
                throw new IllegalStateException("the service was not ready within 5 minutes");
            }
            System.out.printf("service ready in %.1f s%n", seconds(started));
            String placeBody = "{\"features\": " + EventJson.write(SyntheticCells.generate(1, TYPES, 0, 3).get(0).raw())
                    + "}";
            // the reads do not need the rebuilt model, but they are measured once its CPU is spent
            boolean restored = awaitStatus("POST", base + "/api/placements", placeBody, 200, restoreWait);
            System.out.printf("stored map %s %.1f s after start; heap peak so far %s%n",
                    restored ? "restored (rebuilt for placing)" : "NOT restored (measuring anyway)",
                    seconds(started), mb(heapPeak.get()));
            if (serve) {
                serveUntilStopped(service, dir);
            }

            long first = System.nanoTime();
            HttpResponse<byte[]> firstMap = get("/api/maps/current", MapArrow.MEDIA_TYPE, true);
            System.out.printf("first binary map request (prepares it): %.0f ms, %s compressed%n",
                    (System.nanoTime() - first) / 1e6, kb(firstMap.body().length));
            HttpResponse<byte[]> plain = get("/api/maps/current", MapArrow.MEDIA_TYPE, false);
            System.out.printf("binary map: %s plain, %s gzip%n", kb(plain.body().length), kb(firstMap.body().length));

            heapPeak.set(0);
            SplittableRandom random = new SplittableRandom(5);
            measure("map, binary (Arrow, gzip)", 200, 4, i -> request("/api/maps/current", MapArrow.MEDIA_TYPE, true));
            measure("map, JSON (gzip)", 10, 2, i -> request("/api/maps/current", "application/json", true));
            measure("one cell", 400, 4, i -> request("/api/cells/" + enc(ids.get(random.nextInt(ids.size()))),
                    "application/json", true));
            measure("filter on labels (cluster=3&species=Mus musculus)", 100, 4,
                    i -> request("/api/cells?cluster=3&species=Mus%20musculus&size=50", "application/json", true));
            measure("filter on a raw feature (tau_min=0.02&size=50)", 10, 2,
                    i -> request("/api/cells?tau_min=0.02&size=50", "application/json", true));
            System.out.printf("heap peak during the map, cell and filter requests: %s%n", mb(heapPeak.get()));
            heapPeak.set(0);
            measure("CSV export (gzip)", 2, 1, i -> request("/api/export.csv", "text/csv", true));
            System.out.printf("heap peak during the exports: %s (the service runs with -Xmx2g)%n", mb(heapPeak.get()));
            sampler.interrupt();
            System.out.printf("load average at the end: %s%n", loadAverage());
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            Path log = Path.of(System.getProperty("java.io.tmpdir"), "patchmap-api-bench-service.log");
            if (Files.exists(dir.resolve("embedding-service.log"))) {
                Files.copy(dir.resolve("embedding-service.log"), log, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("service log: " + log);
            }
            deleteTree(dir);
        }
    }

    /**
     * Prints the service's address and blocks until the JVM is stopped (SIGTERM, Ctrl-C); a shutdown hook then stops
     * the service and removes the bench's folder, since the JVM ends without leaving this method.
     */
    private void serveUntilStopped(Process service, Path dir) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.destroy();
            try {
                service.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteTree(dir);
        }, "stop-service"));
        System.out.printf("serving %s/ (SIMULATED cells; stop with Ctrl-C or SIGTERM)%n", base);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not remove " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Writes the collections embedding-service reads, in its stores' layout: every cell's features (all ipfx
     * features: the 16 map sources from the synthetic row, the others drawn at random) and metadata (simulated),
     * a map version of the cells with enough features, its cells in order and the current pointer, and uploads
     * placed on it. Returns the mapped cells' ids.
     */
    private static List<String> seed(MongoDatabase db, int cells, int placed) {
        List<SyntheticCells.Row> rows = SyntheticCells.generate(cells + placed, TYPES, 0.03, 11);
        SplittableRandom random = new SplittableRandom(17);
        MapParameters parameters = MapParameters.defaults().withSeed(42);
        Instant at = Instant.parse("2026-12-03T00:00:00Z");
        List<Document> features = new ArrayList<>();
        List<Document> metadata = new ArrayList<>();
        List<Document> mapCells = new ArrayList<>();
        List<Document> placements = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        double[][] centres = new double[TYPES][2];
        for (int t = 0; t < TYPES; t++) {
            centres[t][0] = 20 * Math.cos(2 * Math.PI * t / TYPES);
            centres[t][1] = 20 * Math.sin(2 * Math.PI * t / TYPES);
        }
        int order = 0;
        for (int i = 0; i < rows.size(); i++) {
            SyntheticCells.Row row = rows.get(i);
            boolean upload = i >= cells;
            String id = upload ? "upload:" + String.format("%016x", i) + "/" + row.cellId() + ".nwb"
                    : "dandi:" + row.dandiset() + "/sub-" + row.cellId() + "/" + row.cellId() + "_icephys.nwb";
            Provenance provenance = upload ? Provenance.upload(row.cellId() + ".nwb")
                    : Provenance.dandi(row.dandiset(), "0.240101.0000", "asset-" + row.cellId(),
                    "sub-" + row.cellId() + "/" + row.cellId() + "_icephys.nwb");
            FeaturesEvent event = featuresEvent(id, provenance, row, random, at);
            features.add(Document.parse(EventJson.write(event)).append("_id", id));
            MetadataEvent meta = new MetadataEvent(1, id, provenance,
                    new SourcedTerm(SPECIES.get(row.type() % SPECIES.size()), null, "asset", 1.0),
                    new SourcedTerm(REGIONS.get(random.nextInt(REGIONS.size())), null, "text", 0.9), null, null, null,
                    null, "regions-1", at, new SimulatedOrigin("type_" + row.type(),
                    "SyntheticCells workload of the atlas API bench", 11L, Map.of()));
            metadata.add(Document.parse(EventJson.write(meta)).append("_id", CellIds.fileKey(id)));
            if (features.size() == BATCH) { // written as they are made: 100,000 documents do not fit in memory
                flush(db, features, metadata, mapCells, placements);
            }
            MapCell input = MapInputs.cell(event);
            if (input.leftOffReason(parameters.minFeatures()) != null) {
                continue;
            }
            double x = centres[row.type()][0] + 3 * gaussian(random);
            double y = centres[row.type()][1] + 3 * gaussian(random);
            if (upload) {
                placements.add(new Document("_id", VERSION + "|" + id).append("mapVersion", VERSION)
                        .append("cellId", id).append("x", x).append("y", y).append("cluster", row.type())
                        .append("clusterProbability", 0.9).append("confidence", 0.8).append("nearestDistance", 0.1)
                        .append("unlikeAtlas", false).append("neighbours", List.of()).append("imputed", List.of())
                        .append("placedAt", Date.from(at)));
                continue;
            }
            List<Double> values = new ArrayList<>();
            MapFeatures.NAMES.forEach(n -> values.add(input.features().values().get(n)));
            List<Document> neighbours = new ArrayList<>();
            for (int k = 1; k <= parameters.mapNeighbors(); k++) {
                neighbours.add(new Document("cellId", "neighbour-" + ((i + k) % cells)).append("distance", 0.01 * k));
            }
            mapCells.add(new Document("_id", VERSION + "|" + id).append("mapVersion", VERSION).append("order", order++)
                    .append("cellId", id).append("dandiset", row.dandiset()).append("x", x).append("y", y)
                    .append("pcaX", x).append("pcaY", y).append("cluster", row.type()).append("component", 0)
                    .append("imputed", List.of()).append("neighbours", neighbours).append("values", values));
            ids.add(id);
        }
        flush(db, features, metadata, mapCells, placements);
        db.getCollection("maps").insertOne(new Document("_id", VERSION).append("createdAt", Date.from(at))
                .append("codeVersion", "atlas API bench (simulated positions)")
                .append("parameters", new Document(ParameterFields.of(parameters))).append("cellCount", ids.size())
                .append("cellIdsSha256", "simulated").append("leftOffCount", 0).append("leftOff", List.of())
                .append("components", 1).append("clusters", TYPES).append("timings", new Document()));
        db.getCollection("map_state").insertOne(new Document("_id", "current").append("mapVersion", VERSION)
                .append("switchedAt", Date.from(at)));
        return ids;
    }

    private static FeaturesEvent featuresEvent(String id, Provenance provenance, SyntheticCells.Row row,
                                               SplittableRandom random, Instant at) {
        Map<String, FeatureValue> values = new LinkedHashMap<>();
        Map<String, String> qc = new LinkedHashMap<>();
        for (String name : FeatureNames.ALL) {
            Double v = row.raw().containsKey(name) ? row.raw().get(name) : Double.valueOf(random.nextDouble() * 100);
            values.put(name, new FeatureValue(v, FeatureNames.unit(name)));
            if (v == null) {
                qc.put(name, "missing in the simulated workload");
            }
        }
        row.raw().forEach((name, v) -> {
            if (!values.containsKey(name)) {
                values.put(name, new FeatureValue(v, FeatureNames.unit(name)));
                if (v == null) {
                    qc.put(name, "missing in the simulated workload");
                }
            }
        });
        return new FeaturesEvent(1, id, provenance, "sha2-256:" + Integer.toHexString(id.hashCode()) + "#1", values,
                qc, "patchmap-core 0.1.0", at);
    }

    private static void flush(MongoDatabase db, List<Document> features, List<Document> metadata,
                              List<Document> mapCells, List<Document> placements) {
        insert(db, "cell_features", features);
        insert(db, "file_metadata", metadata);
        insert(db, "map_cells", mapCells);
        insert(db, "placements", placements);
    }

    private static void insert(MongoDatabase db, String collection, List<Document> docs) {
        if (!docs.isEmpty()) {
            db.getCollection(collection).insertMany(docs);
            docs.clear();
        }
    }

    private void measure(String name, int requests, int concurrency, IntFunction<HttpRequest> request)
            throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(request.apply(i), HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - s;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(name + ": " + r.statusCode() + " " + new String(r.body()));
                    }
                    bytes.addAndGet(r.body().length);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double wall = seconds(t0);
        pool.shutdown();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-52s %4d requests, %d at once: %7.1f req/s, p50 %7.1f ms, p99 %7.1f ms, "
                        + "%s per response%n", name, requests, concurrency, requests / wall,
                nanos[requests / 2] / 1e6, nanos[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6,
                kb(bytes.get() / requests));
    }

    private HttpRequest request(String path, String accept, boolean gzip) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                .timeout(Duration.ofMinutes(5));
        return (gzip ? b.header("Accept-Encoding", "gzip") : b).build();
    }

    private HttpResponse<byte[]> get(String path, String accept, boolean gzip) throws Exception {
        return http.send(request(path, accept, gzip), HttpResponse.BodyHandlers.ofByteArray());
    }

    private boolean awaitStatus(String method, String url, String body, int status, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
                b = body == null ? b.GET() : b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
                if (http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** Samples the service's heap in use (all heap pools, from /q/metrics) every 200 ms; keeps the largest. */
    private Thread heapSampler() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(management + "/metrics"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofLines());
                    long used = r.body().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                            .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
                    heapPeak.accumulateAndGet(used, Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // not up yet, or busy: sample again
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String enc(String id) {
        return id.replace("#", "%23");
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String loadAverage() {
        try (InputStream in = Files.newInputStream(Path.of("/proc/loadavg"))) {
            return new String(in.readAllBytes()).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
