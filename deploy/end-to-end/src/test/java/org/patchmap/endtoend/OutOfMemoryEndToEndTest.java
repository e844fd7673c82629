package org.patchmap.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.sim.file.Abf2Writer;
import org.patchmap.testing.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file that makes ingest-service run out of memory ends as a failed upload with its reason and one dead letter,
 * not a crash loop, and the file uploaded beside it is extracted. {@code bin/stack --source} uploads both: a
 * real ABF recording and a SIMULATED one whose samples need 128 MB as doubles, read by an ingest-service with a
 * 96 MB heap whose reader budget is set above it (INGEST_READ_MAX_MEMORY=1g), so the reader really runs out of
 * memory, as a file that escaped the budget would. The service exits on the OutOfMemoryError and the launcher
 * starts it again; after the third crash the record is dead-lettered.
 */
class OutOfMemoryEndToEndTest {
    private static final String BIG = "simulated-too-big-for-the-heap.abf";
    private static final String REAL = "171116sh_0018.abf";

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aFileThatExhaustsTheHeapIsDeadLetteredAfterThreeCrashesAndTheOtherIsExtracted(@TempDir Path tmp)
            throws Exception {
        Path source = Files.createDirectories(tmp.resolve("source"));
        Abf2Writer.write(tooBigForTheHeap(), source.resolve(BIG));
        Files.copy(SharedData.root().resolve("data/cells/abf").resolve(REAL), source.resolve(REAL));
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_PORT", "19492", "KAFKA_CONTROLLER_PORT", "19493",
                "MONGO_PORT", "27417", "INGEST_PORT", "18481", "FEATURE_PORT", "18482", "METADATA_PORT", "18483",
                "EMBEDDING_PORT", "18480", "SOURCE_TIMEOUT_S", "600", "DANDI_POLL_ENABLED", "false"));
        env.put("PATCHMAP_DATA", tmp.resolve("data").toString());
        env.putAll(Map.of("INGEST_MANAGEMENT_PORT", "19481", "FEATURE_MANAGEMENT_PORT", "19482",
                "METADATA_MANAGEMENT_PORT", "19483", "EMBEDDING_MANAGEMENT_PORT", "19480"));
        env.put("INGEST_SERVICE_JAVA_OPTS", "-Xmx96m");
        env.put("INGEST_READ_MAX_MEMORY", "1g");
        try (StackProcess stack = StackProcess.start(List.of("--source", source.toString()), env);
             AtlasAudit audit = new AtlasAudit("mongodb://localhost:27417", "localhost:19492", 18480)) {
            List<String> out = stack.linesUntilRunning();
            String all = String.join("\n", out);
            assertTrue(out.stream().anyMatch(l -> l.matches("  " + BIG + " +no cell: " + BIG
                    + ": the extraction stopped the process too many times \\(out of memory or killed while reading the "
                    + "file\\); not tried again \\(its record is in patchmap.assets.dlq\\)")), all);
            assertTrue(out.stream().anyMatch(l -> l.matches("  " + REAL + " +cell upload:[0-9a-f]+/" + REAL
                    + " with features")), all);
            assertEquals(3, out.stream().filter(l -> l.startsWith("stack: ingest-service exited with code 3;")).count(),
                    all);
            assertEquals(Map.of("patchmap.assets.dlq", 1L), audit.deadLetters(),
                    () -> String.join("\n", audit.values("patchmap.assets.dlq")));
            String log = Files.readString(tmp.resolve("data/logs/ingest-service.log"));
            assertEquals(3, log.split("Terminating due to java.lang.OutOfMemoryError", -1).length - 1,
                    "the JVM ending on an OutOfMemoryError, in the log");
            assertTrue(log.contains("crashed the consumer 3 times"), "the dead letter's reason in the log");
        }
    }

    /** 8 sweeps of 1,000,000 samples at 100 kHz (16 MB as int16 in the file, 128 MB as doubles once read). */
    private static Recording tooBigForTheHeap() {
        List<Sweep> sweeps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double[] v = new double[1_000_000];
            double[] c = new double[1_000_000];
            Arrays.fill(v, -70);
            Arrays.fill(c, 100_000, 200_000, 50.0 * (i + 1));
            sweeps.add(new Sweep(i + 1, "simulated sweep " + (i + 1), 100_000, v, c));
        }
        return new Recording(BIG, "ABF", sweeps, List.of(), null);
    }
}
