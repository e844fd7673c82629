package org.patchmap.deploy;

import java.io.File;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * PatchMap on one machine: a Kafka broker and a persistent MongoDB-wire server, each in its own
 * JVM (unless {@code KAFKA_BOOTSTRAP_SERVERS} / {@code MONGODB_URI} point at external ones),
 * then the four services; waits until every service is ready, prints the addresses, and on
 * Ctrl-C stops the services first and the data servers last. Data lives in {@code PATCHMAP_DATA}
 * (default {@code ./data}), so a restart keeps it. Logs go to {@code <data>/logs/}.
 */
public final class LocalStack {
    /** A service: its module folder name and HTTP port. The web map is embedding-service's. */
    record Service(String name, int port) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("ingest-service", env("INGEST_PORT", 8081)),
            new Service("feature-service", env("FEATURE_PORT", 8082)),
            new Service("metadata-service", env("METADATA_PORT", 8083)),
            new Service("embedding-service", env("EMBEDDING_PORT", 8080)));

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path root;
    private final Path data;
    private final List<Process> infrastructure = Collections.synchronizedList(new ArrayList<>());
    private final List<Process> services = Collections.synchronizedList(new ArrayList<>());

    private final Path source;

    LocalStack(Path root, Path data, Path source) {
        this.root = root;
        this.data = data;
        this.source = source;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("patchmap.root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getenv().getOrDefault("PATCHMAP_DATA", root.resolve("data").toString()))
                .toAbsolutePath();
        Path source = null;
        if (args.length == 2 && args[0].equals("--source")) {
            source = Path.of(args[1]).toAbsolutePath();
            if (!Files.isDirectory(source)) {
                System.err.println("stack: --source " + args[1] + ": no such folder");
                System.exit(2);
            }
        } else if (args.length > 0) {
            System.err.println("usage: bin/stack [--source DIR]");
            System.exit(2);
        }
        new LocalStack(root, data, source).run();
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(data.resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "patchmap-stack-stop"));

        String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null || kafka.isBlank()) {
            int port = env("KAFKA_PORT", 9092);
            startJava("kafka", "org.patchmap.deploy.infra.KafkaBrokerMain", "-Xmx512m",
                    data.resolve("kafka").toString(), String.valueOf(port), String.valueOf(env("KAFKA_CONTROLLER_PORT", 9093)));
            kafka = "localhost:" + port;
        }
        String mongo = System.getenv("MONGODB_URI");
        if (mongo == null || mongo.isBlank()) {
            int port = env("MONGO_PORT", 27017);
            startJava("mongodb", "org.patchmap.deploy.infra.MongoWireServerMain", "-Xmx768m",
                    data.resolve("mongodb").toString(), String.valueOf(port));
            mongo = "mongodb://localhost:" + port;
        }
        awaitPort("Kafka", kafka, Duration.ofSeconds(60));
        awaitPort("MongoDB", mongo.replaceFirst("^mongodb://", "").replaceFirst("/.*$", ""), Duration.ofSeconds(60));

        for (Service s : SERVICES) {
            startService(s, kafka, mongo);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (Service s : SERVICES) {
            awaitReady(http, s, Duration.ofSeconds(120));
        }
        System.out.printf("%nPatchMap is ready in %.0f s (data in %s, logs in %s):%n", (System.nanoTime() - t0) / 1e9,
                data, data.resolve("logs"));
        System.out.printf("  web map and atlas API  http://localhost:%d/%n", SERVICES.get(3).port());
        for (Service s : SERVICES) {
            System.out.printf("  %-18s http://localhost:%d/q/health  /q/metrics  /q/swagger-ui%n", s.name(), s.port());
        }
        System.out.printf("  Kafka %s, MongoDB %s%n", kafka, mongo);
        if (source != null) {
            new SourceFolder(SERVICES.get(0).port(), SERVICES.get(1).port())
                    .run(source, Duration.ofSeconds(env("SOURCE_TIMEOUT_S", 300)));
        }
        System.out.println("Press Ctrl-C to stop.");
        for (Process p : List.copyOf(services)) {
            p.waitFor();
        }
    }

    private void startJava(String name, String mainClass, String heap, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), heap, "-cp", System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(List.of(args));
        infrastructure.add(start(name, new ProcessBuilder(cmd)));
    }

    private void startService(Service s, String kafka, String mongo) throws IOException {
        Path jar = root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (bin/stack does)");
        }
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx384m", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MONGODB_URI", mongo);
        env.put("HTTP_PORT", String.valueOf(s.port()));
        if (s.name().equals("ingest-service")) {
            // downloads in progress and uploads waiting for extraction live with the other data
            env.putIfAbsent("INGEST_WORK_DIR", data.resolve("ingest/work").toString());
            env.putIfAbsent("INGEST_UPLOADS_DIR", data.resolve("ingest/uploads").toString());
            if (source != null) {
                env.putIfAbsent("DANDI_POLL_ENABLED", "false"); // --source: the files come from the folder, not DANDI
            }
        }
        services.add(start(s.name(), pb));
    }

    /**
     * Starts a child in its own session (setsid) when the system has it, so that Ctrl-C reaches
     * only this launcher, which then stops the children in order.
     */
    private Process start(String name, ProcessBuilder pb) throws IOException {
        if (Files.isExecutable(SETSID)) {
            List<String> cmd = new ArrayList<>(pb.command());
            cmd.add(0, SETSID.toString());
            pb.command(cmd);
        }
        File log = data.resolve("logs").resolve(name + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        Process p = pb.start();
        System.out.println("started " + name + " (log: " + log + ")");
        return p;
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
        URI uri = URI.create("http://localhost:" + s.port() + "/q/health/ready");
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

    /** Services first (they commit their consumers' offsets), then MongoDB and Kafka. */
    private void stopAll() {
        stop(services);
        stop(infrastructure);
    }

    private static void stop(List<Process> processes) {
        List<Process> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        reversed.forEach(Process::destroy);
        reversed.forEach(LocalStack::waitFor);
    }

    private static void waitFor(Process p) {
        try {
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
