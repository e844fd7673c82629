package org.patchmap.deploy;

import org.patchmap.deploy.auth.LocalAuth;
import org.patchmap.deploy.demo.DemoAtlas;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PatchMap on one machine: a Kafka broker and a persistent MongoDB-wire server, each in its own
 * JVM (unless {@code KAFKA_BOOTSTRAP_SERVERS} / {@code MONGODB_URI} point at external ones),
 * then the four services; waits until every service is ready, prints the addresses, and on
 * Ctrl-C stops the services first and the data servers last. Data lives in {@code PATCHMAP_DATA}
 * (default {@code ./data}), so a restart keeps it. Logs go to {@code <data>/logs/}.
 *
 * <p>{@code --demo [--cells N]}: the demo atlas of N SIMULATED cells (default 2,000) in its own data
 * folder ({@code PATCHMAP_DEMO_DATA}, default {@code ./data-demo}): the corpus is written there once,
 * a local archive serves it through the DANDI API, ingest polls it instead of DANDI, and the
 * launcher reports the cells on the map until all are there.
 *
 * <p>The admin endpoints need a bearer token with role admin (docs/security.md): the launcher makes a key pair
 * and an admin token once in {@code <data>/auth} ({@link LocalAuth}), has every service verify with that key,
 * and prints where the token is.
 */
public final class LocalStack {
    /**
     * A service: its module folder name, HTTP port and management port (health, metrics). The web map is
     * embedding-service's.
     */
    record Service(String name, int port, int managementPort) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("ingest-service", env("INGEST_PORT", 8081), env("INGEST_MANAGEMENT_PORT", 9081)),
            new Service("feature-service", env("FEATURE_PORT", 8082), env("FEATURE_MANAGEMENT_PORT", 9082)),
            new Service("metadata-service", env("METADATA_PORT", 8083), env("METADATA_MANAGEMENT_PORT", 9083)),
            new Service("embedding-service", env("EMBEDDING_PORT", 8080), env("EMBEDDING_MANAGEMENT_PORT", 9080)));

    static final int DEFAULT_DEMO_CELLS = 2000;
    static final int MAX_DEMO_CELLS = 100_000;

    private final Path root;
    private final Path data;
    /** Starts the children and starts again any that exits (tier 0: Kafka and MongoDB; tier 1: the services). */
    private final Supervisor supervisor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The stack's key pair and admin token. */
    private LocalAuth auth;
    /** The demo archive's API URL that ingest polls instead of DANDI; null when this is not the demo. */
    private String demoArchive;

    private final Path source;
    /** Cells of the demo atlas; 0 when this is not the demo. */
    private final int demoCells;
    /** Whether the demo's MongoDB keeps its data on disk (H2), so that it survives a restart of the server. */
    private final boolean durable;

    LocalStack(Path root, Path data, Path source, int demoCells, boolean durable) {
        this.root = root;
        this.data = data;
        this.source = source;
        this.demoCells = demoCells;
        this.durable = durable;
        this.supervisor = new Supervisor(data.resolve("logs"));
    }

    static final String USAGE = "usage: bin/stack [--source DIR | --demo [--cells N] [--durable]]";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("patchmap.root", ".")).toAbsolutePath().normalize();
        Path source = null;
        int demoCells = 0;
        boolean durable = false;
        if (args.length == 2 && args[0].equals("--source")) {
            source = Path.of(args[1]).toAbsolutePath();
            if (!Files.isDirectory(source)) {
                System.err.println("stack: --source " + args[1] + ": no such folder");
                System.exit(2);
            }
        } else if (args.length >= 1 && args[0].equals("--demo")) {
            durable = args[args.length - 1].equals("--durable");
            demoCells = demoCells(durable ? java.util.Arrays.copyOf(args, args.length - 1) : args);
        } else if (args.length > 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        // The demo keeps its own data (Kafka, MongoDB, logs, corpus): simulated cells never join a real atlas.
        String dataVariable = demoCells > 0 ? "PATCHMAP_DEMO_DATA" : "PATCHMAP_DATA";
        Path data = Path.of(System.getenv().getOrDefault(dataVariable,
                root.resolve(demoCells > 0 ? "data-demo" : "data").toString())).toAbsolutePath();
        new LocalStack(root, data, source, demoCells, durable).run();
    }

    private static int demoCells(String[] args) {
        int cells = DEFAULT_DEMO_CELLS;
        if (args.length == 3 && args[1].equals("--cells")) {
            try {
                cells = Integer.parseInt(args[2]);
            } catch (NumberFormatException e) {
                cells = -1;
            }
            if (cells < 1 || cells > MAX_DEMO_CELLS) {
                System.err.println("stack: --cells " + args[2] + ": expected a number of cells from 1 to " + MAX_DEMO_CELLS);
                System.exit(2);
            }
        } else if (args.length != 1) {
            System.err.println(USAGE);
            System.exit(2);
        }
        return cells;
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(data.resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stopAll, "patchmap-stack-stop"));
        auth = LocalAuth.prepare(data, System.getenv().getOrDefault("AUTH_ISSUER", LocalAuth.DEFAULT_ISSUER));

        // The demo always runs its own Kafka and MongoDB: external ones may hold a real atlas. Its
        // MongoDB lives in memory (or, --durable, in a fresh H2 file), so each start is a fresh atlas:
        // the broker's log goes too.
        if (demoCells > 0) {
            deleteTree(data.resolve("kafka"));
            deleteTree(data.resolve("ingest"));
            deleteTree(data.resolve("mongodb"));
        }
        String kafka = demoCells > 0 ? null : System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null || kafka.isBlank()) {
            int port = env("KAFKA_PORT", 9092);
            startJava("kafka", "org.patchmap.deploy.infra.KafkaBrokerMain", "-Xmx512m",
                    data.resolve("kafka").toString(), String.valueOf(port), String.valueOf(env("KAFKA_CONTROLLER_PORT", 9093)));
            kafka = "localhost:" + port;
        }
        String mongo = demoCells > 0 ? null : System.getenv("MONGODB_URI");
        if (mongo == null || mongo.isBlank()) {
            int port = env("MONGO_PORT", 27017);
            if (demoCells > 0 && !durable) {
                // in memory, sized for the corpus (traces, features, map versions: about 1.5 MB per cell)
                startJava("mongodb", "org.patchmap.deploy.infra.MongoWireServerMain",
                        "-Xmx" + Math.max(1024, 512 + demoCells * 3 / 2) + "m",
                        data.resolve("mongodb").toString(), String.valueOf(port), "memory");
            } else {
                startJava("mongodb", "org.patchmap.deploy.infra.MongoWireServerMain", "-Xmx768m",
                        data.resolve("mongodb").toString(), String.valueOf(port));
            }
            mongo = "mongodb://localhost:" + port;
        }
        DemoAtlas demo = null;
        if (demoCells > 0) {
            demo = DemoAtlas.start(data.resolve("archive"), demoCells, env("DEMO_ARCHIVE_PORT", 8090));
            demoArchive = demo.apiUrl();
        }
        awaitPort("Kafka", kafka, Duration.ofSeconds(60));
        awaitPort("MongoDB", mongo.replaceFirst("^mongodb://", "").replaceFirst("/.*$", ""), Duration.ofSeconds(60));

        for (Service s : SERVICES) {
            startService(s, kafka, mongo);
        }
        for (Service s : SERVICES) {
            awaitReady(http, s, Duration.ofSeconds(120));
        }
        System.out.printf("%nPatchMap is ready in %.0f s (data in %s, logs in %s):%n", (System.nanoTime() - t0) / 1e9,
                data, data.resolve("logs"));
        System.out.printf("  web map and atlas API  http://localhost:%d/%n", SERVICES.get(3).port());
        for (Service s : SERVICES) {
            System.out.printf("  %-18s http://localhost:%d/q/swagger-ui  management: http://localhost:%d/q/health"
                    + "  /q/metrics%n", s.name(), s.port(), s.managementPort());
        }
        System.out.printf("  Kafka %s, MongoDB %s%n", kafka, mongo);
        System.out.printf("  admin token (Authorization: Bearer ...) in %s%n", auth.tokenFile());
        if (demo != null) {
            DemoAtlas polling = demo;
            // the poll answers when it is done; the cells flow (and are watched) meanwhile
            Thread poll = new Thread(() -> {
                try {
                    polling.pollUntilWritten(http, SERVICES.get(0).port(), auth.adminToken());
                } catch (IOException e) {
                    System.out.println("demo: the poll failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "demo-poll");
            poll.setDaemon(true);
            poll.start();
            System.out.println("demo: ingest polls the archive; every cell is SIMULATED (see each dandiset's text)");
            demo.watch(http, SERVICES.get(3).port(), SERVICES.get(3).managementPort(), t0, auth.adminToken());
        }
        if (source != null) {
            new SourceFolder(SERVICES.get(0).port(), SERVICES.get(1).port())
                    .run(source, Duration.ofSeconds(env("SOURCE_TIMEOUT_S", 300)));
        }
        System.out.println("Press Ctrl-C to stop.");
        new java.util.concurrent.CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops the children
    }

    private void startJava(String name, String mainClass, String heap, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), heap, "-cp", System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(List.of(args));
        supervisor.start(name, 0, new ProcessBuilder(cmd), exitedAt -> { });
    }

    private void startService(Service s, String kafka, String mongo) throws IOException {
        Path jar = root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (bin/stack does)");
        }
        // a service that runs out of memory exits (and is started again) rather than limping on
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx384m", "-XX:+ExitOnOutOfMemoryError"));
        String javaOptions = System.getenv(s.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_JAVA_OPTS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            cmd.addAll(List.of(javaOptions.trim().split("\\s+"))); // after the defaults, so that they win
        }
        if (s.name().equals("embedding-service")) {
            cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED"); // Arrow, the map's binary form, writes through it
        }
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MONGODB_URI", mongo);
        env.put("HTTP_PORT", String.valueOf(s.port()));
        env.put("MANAGEMENT_PORT", String.valueOf(s.managementPort()));
        env.putIfAbsent("SWAGGER_UI", "true"); // a local stack is someone's own: its API pages are on
        // every service trusts the stack's key: its admin token works on each
        env.put("AUTH_PUBLIC_KEY_LOCATION", auth.publicKey().toString());
        env.put("AUTH_ISSUER", auth.issuer());
        if (s.name().equals("ingest-service")) {
            // downloads in progress and uploads waiting for extraction live with the other data
            env.putIfAbsent("INGEST_WORK_DIR", data.resolve("ingest/work").toString());
            env.putIfAbsent("INGEST_UPLOADS_DIR", data.resolve("ingest/uploads").toString());
            if (source != null) {
                env.putIfAbsent("DANDI_POLL_ENABLED", "false"); // --source: the files come from the folder, not DANDI
            }
            if (demoArchive != null) {
                env.put("DANDI_API_URL", demoArchive); // never DANDI: the demo's cells are simulated
                env.put("DANDI_POLL_ENABLED", "false"); // the launcher polls once the archive is up
            }
        }
        int page = SERVICES.get(3).port();
        if (s.name().equals("embedding-service")) {
            // the page (on this port) uploads to ingest-service and reads features from feature-service directly
            env.putIfAbsent("ATLAS_INGEST_URL", "http://localhost:" + SERVICES.get(0).port());
            env.putIfAbsent("ATLAS_FEATURE_URL", "http://localhost:" + SERVICES.get(1).port());
        }
        if (s.name().equals("ingest-service") || s.name().equals("feature-service")) {
            // ... which they allow from the page's origin, by either name of this machine
            env.putIfAbsent("CORS_ENABLED", "true");
            env.putIfAbsent("CORS_ORIGINS", "http://localhost:" + page + ",http://127.0.0.1:" + page);
        }
        if (s.name().equals("embedding-service") && demoCells > 0) {
            // builds follow the stream of cells: a first map at N/10 cells, then whenever the cells
            // waiting are half as many as the map holds, at most 15 s after the trigger
            env.putIfAbsent("MAP_RECOMPUTE_AFTER", String.valueOf(DemoAtlas.recomputeAfter(demoCells)));
            env.putIfAbsent("MAP_RECOMPUTE_FRACTION", "0.5");
            env.putIfAbsent("MAP_DEBOUNCE", "2s");
            env.putIfAbsent("MAP_MAX_WAIT", "15s");
        }
        supervisor.start(s.name(), 1, pb, exitedAt -> {
            try {
                awaitReady(http, s, Duration.ofMinutes(5));
                System.out.printf(java.util.Locale.ROOT, "stack: %s is ready again %.1f s after it exited%n", s.name(),
                        (System.nanoTime() - exitedAt) / 1e9);
            } catch (IllegalStateException e) {
                System.out.println("stack: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void awaitPort(String what, String hostPort, Duration timeout) throws InterruptedException {
        String first = hostPort.split(",")[0];
        int colon = first.lastIndexOf(':');
        String host = first.substring(0, colon);
        int port = Integer.parseInt(first.substring(colon + 1));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(what + " on " + first + " did not answer within " + timeout, e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void awaitReady(HttpClient http, Service s, Duration timeout) throws InterruptedException {
        URI uri = URI.create("http://localhost:" + s.managementPort() + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    System.out.println(s.name() + " is ready");
                    return;
                }
                last = "HTTP " + r.statusCode() + " " + r.body();
            } catch (ConnectException e) {
                last = "not listening yet";
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(s.name() + " not ready within " + timeout + " (" + last + "); see its log");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
