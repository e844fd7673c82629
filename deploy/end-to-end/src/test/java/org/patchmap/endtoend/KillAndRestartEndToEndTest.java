package org.patchmap.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost when processes die: {@code bin/stack --demo --cells 500 --durable} backfills 500 SIMULATED cells
 * while this test kills the services with SIGKILL (12 kills, three of each, in a seeded order), kills the Kafka
 * broker once with SIGKILL and restarts the MongoDB-wire server once (SIGTERM: the stand-in's H2 store loses its
 * last second of writes on a hard kill, which a real MongoDB's journal does not). The launcher starts each again,
 * as Kubernetes would. Kills happen at progress milestones (cells extracted + features stored + cells joined by the
 * map), never at times, so they fall inside the backfill on any machine. At the end every cell is exactly once in
 * every store and on the map, and nothing is left behind ({@link AtlasAudit}).
 */
class KillAndRestartEndToEndTest {
    private static final int CELLS = 500;
    private static final int KILLS_PER_SERVICE = 3;
    private static final long SEED = 20261203L;
    private static final List<String> SERVICES = List.of("ingest-service", "feature-service", "metadata-service",
            "embedding-service");
    private static final String BROKER = "org.patchmap.deploy.infra.KafkaBrokerMain";
    private static final String DATABASE = "org.patchmap.deploy.infra.MongoWireServerMain";
    private static final int KAFKA_PORT = 19392;
    private static final int MONGO_PORT = 27317;
    private static final int EMBEDDING_PORT = 18380;

    /** One fault: which process and whether it is killed (SIGKILL) or stopped (SIGTERM). */
    record Fault(String name, String marker, boolean kill) {
        @Override
        public String toString() {
            return (kill ? "kill -9 " : "restart ") + name;
        }
    }

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void aBackfillSurvivesKilledServicesABrokerKillAndADatabaseRestart(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("demo");
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_PORT", String.valueOf(KAFKA_PORT),
                "KAFKA_CONTROLLER_PORT", "19393", "MONGO_PORT", String.valueOf(MONGO_PORT), "INGEST_PORT", "18381",
                "FEATURE_PORT", "18382", "METADATA_PORT", "18383", "EMBEDDING_PORT", String.valueOf(EMBEDDING_PORT),
                "DEMO_ARCHIVE_PORT", "18390", "DEMO_STALL_S", "600"));
        env.put("PATCHMAP_DEMO_DATA", data.toString());
        env.putAll(Map.of("INGEST_MANAGEMENT_PORT", "19381", "FEATURE_MANAGEMENT_PORT", "19382",
                "METADATA_MANAGEMENT_PORT", "19383", "EMBEDDING_MANAGEMENT_PORT", "19380"));
        List<Fault> faults = plan();
        List<String> done = new ArrayList<>();
        try (StackProcess stack = StackProcess.start(List.of("--demo", "--cells", String.valueOf(CELLS), "--durable"), env);
             AtlasAudit audit = new AtlasAudit("mongodb://localhost:" + MONGO_PORT, "localhost:" + KAFKA_PORT,
                     EMBEDDING_PORT)) {
            List<String> ready = stack.linesUntil("PatchMap is ready");
            assertTrue(ready.get(ready.size() - 1).startsWith("PatchMap is ready"), String.join("\n", ready));
            // progress runs from 0 to 3 × CELLS; fault k comes once it passes k / (faults + 1) of that
            for (int k = 0; k < faults.size(); k++) {
                long milestone = 3L * CELLS * (k + 1) / (faults.size() + 1);
                long progress = audit.awaitProgress(milestone);
                Fault f = faults.get(k);
                ProcessHandle target = awaitChild(stack, f.marker());
                System.out.printf(Locale.ROOT, "kill test: progress %d/%d: %s (pid %d)%n", progress, 3 * CELLS, f,
                        target.pid());
                if (f.kill()) {
                    target.destroyForcibly();
                } else {
                    target.destroy();
                }
                target.onExit().get(60, TimeUnit.SECONDS);
                done.add(f.toString());
            }
            List<String> out = stack.linesUntilRunning();
            String all = String.join("\n", out);
            assertTrue(out.stream().anyMatch(l -> l.matches("demo: " + CELLS + "/" + CELLS
                    + " cells on the map at \\d+ s")), all);
            assertEquals(faults.size(), done.size());
            for (String service : SERVICES) {
                assertEquals(KILLS_PER_SERVICE, restarts(out, service), service + " restarts\n" + all);
            }
            assertEquals(1, restarts(out, "kafka"), all);
            assertEquals(1, restarts(out, "mongodb"), all);

            AtlasAudit.Report report = audit.report(data.resolve("ingest"));
            System.out.println("kill test: " + report);
            assertEquals(CELLS, report.assets(), "ledger rows");
            assertEquals(Map.of("extracted", (long) CELLS), report.assetsByStatus(), "ledger states");
            Set<String> cells = report.extractedCells();
            assertEquals(CELLS, cells.size());
            assertEquals(cells, report.featureDocuments(), "one features document per extracted cell");
            assertEquals(cells, report.metadataDocuments(), "one metadata document per extracted cell");
            assertEquals(cells, report.mapCells(), "every extracted cell on the map, once");
            assertEquals(CELLS, report.mapRows(), "rows of the map's export");
            assertEquals(2 * CELLS, report.traceFiles(), "GridFS files: compact and display traces per cell");
            assertEquals(0, report.unreferencedTraceFiles(), "GridFS files no ledger row points to");
            assertEquals(0, report.orphanChunks(), "GridFS chunks of no file");
            assertEquals(0, report.recordAttempts(), "records begun and never finished");
            assertEquals(Map.of(), report.deadLetters(), "dead letters");
            assertEquals(List.of(), report.leftoverFiles(), "files left in ingest's work and upload folders");
            System.out.printf(Locale.ROOT, "kill test: faults %s; recovery (exit to ready) %s%n", done, recoveries(out));
        }
    }

    /** Three kills of each service in a seeded order; the broker killed at the fifth fault, the database at the tenth. */
    private static List<Fault> plan() {
        List<Fault> kills = new ArrayList<>();
        for (int i = 0; i < KILLS_PER_SERVICE; i++) {
            SERVICES.forEach(s -> kills.add(new Fault(s, s + "/target/quarkus-app/quarkus-run.jar", true)));
        }
        Collections.shuffle(kills, new Random(SEED));
        kills.add(4, new Fault("kafka", BROKER, true));
        kills.add(9, new Fault("mongodb", DATABASE, false));
        return kills;
    }

    /** The running child with {@code marker} in its command line (one being started again is waited for). */
    private static ProcessHandle awaitChild(StackProcess stack, String marker) throws InterruptedException {
        while (true) {
            List<ProcessHandle> found = stack.children(marker);
            if (found.size() == 1 && found.get(0).isAlive()) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
    }

    private static long restarts(List<String> out, String name) {
        return out.stream().filter(l -> l.startsWith("stack: " + name + " exited")).count();
    }

    /** The launcher's "ready again N s after it exited" figures, in order. */
    private static List<String> recoveries(List<String> out) {
        return out.stream().filter(l -> l.contains(" is ready again "))
                .map(l -> l.replaceAll("^stack: (\\S+) is ready again ([0-9.]+) s after it exited$", "$1 $2 s")).toList();
    }

    static List<String> filesUnder(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return new ArrayList<>(new TreeSet<>(paths.filter(Files::isRegularFile).map(Path::toString).toList()));
        }
    }
}
