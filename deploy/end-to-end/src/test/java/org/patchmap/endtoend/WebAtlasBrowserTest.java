package org.patchmap.endtoend;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.testing.SharedData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web atlas in a real browser against the real stack: {@code bin/stack --demo --cells 120} (120 SIMULATED
 * cells, nothing in-process), then the page's browser tests, {@code embedding-service/web/test/*.test.mjs}, run by
 * Node's test runner driving Debian's Chromium headless. Node's output goes to the test log; a failing browser test
 * fails this test with that output. Node and Chromium are required: without them the test fails naming what is
 * missing (CI installs both).
 */
class WebAtlasBrowserTest {
    private static final int CELLS = 120;
    private static final int INGEST_PORT = 18281;
    private static final int EMBEDDING_PORT = 18280;
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path WEB = StackProcess.ROOT.resolve("embedding-service/web");
    /** Node's run of every browser test; each waits on page states for at most ATLAS_WAIT_MS itself. */
    private static final long NODE_TIMEOUT_MINUTES = 6;

    @Test
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void theWebAtlasPassesItsBrowserTests(@TempDir Path tmp) throws Exception {
        List<String> missing = missingTools();
        assertTrue(missing.isEmpty(), "the browser tests need " + String.join(", ", missing));
        List<Path> tests = browserTests();
        assertTrue(!tests.isEmpty(), "no *.test.mjs in " + WEB.resolve("test"));

        Map<String, String> env = new HashMap<>(Map.of("KAFKA_PORT", "19292", "KAFKA_CONTROLLER_PORT", "19293",
                "MONGO_PORT", "27317", "INGEST_PORT", String.valueOf(INGEST_PORT), "FEATURE_PORT", "18282",
                "METADATA_PORT", "18283", "EMBEDDING_PORT", String.valueOf(EMBEDDING_PORT), "DEMO_ARCHIVE_PORT",
                "18290", "DEMO_STALL_S", "240"));
        // management interfaces (health, metrics) beside the HTTP ports above
        env.putAll(Map.of("INGEST_MANAGEMENT_PORT", "19281", "FEATURE_MANAGEMENT_PORT", "19282",
                "METADATA_MANAGEMENT_PORT", "19283", "EMBEDDING_MANAGEMENT_PORT", "19280"));
        env.put("PATCHMAP_DEMO_DATA", tmp.resolve("demo").toString());
        try (StackProcess stack = StackProcess.start(List.of("--demo", "--cells", String.valueOf(CELLS)), env)) {
            List<String> out = stack.linesUntilRunning();
            assertTrue(out.stream().anyMatch(l -> l.matches("demo: " + CELLS + "/" + CELLS
                    + " cells on the map at \\d+ s")), String.join("\n", out));
            assertEquals(CELLS, currentCellCount());

            List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
            tests.forEach(t -> command.add(StackProcess.ROOT.relativize(t).toString()));
            ProcessBuilder pb = new ProcessBuilder(command).directory(StackProcess.ROOT.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("ATLAS_URL", "http://localhost:" + EMBEDDING_PORT + "/");
            pb.environment().put("INGEST_URL", "http://localhost:" + INGEST_PORT + "/");
            pb.environment().put("SHARED", SharedData.root().toString());
            pb.environment().put("ATLAS_SHOTS", Path.of("target/atlas-shots").toAbsolutePath().toString());
            // the stack's admin token, made in its data folder: living.test.mjs asks for a build with it
            pb.environment().put("ATLAS_ADMIN_TOKEN",
                    Files.readString(tmp.resolve("demo/auth/admin-token"), StandardCharsets.US_ASCII).trim());
            NodeRun run = runStreaming(pb, NODE_TIMEOUT_MINUTES, "node> ");
            if (run.timedOut()) {
                fail("the browser tests did not finish within " + NODE_TIMEOUT_MINUTES + " minutes:\n" + run.text());
            }
            if (run.exit() != 0) {
                fail("the browser tests failed (node exited with " + run.exit() + "):\n" + run.text());
            }
        }
    }

    /** Node's exit status and output lines. */
    private record NodeRun(boolean timedOut, int exit, List<String> output) {
        String text() {
            synchronized (output) {
                return String.join("\n", output);
            }
        }
    }

    /** Runs the process, printing each line of its output as it comes; kills it (and its children) on timeout. */
    private static NodeRun runStreaming(ProcessBuilder pb, long timeoutMinutes, String prefix) throws Exception {
        List<String> lastOutput = Collections.synchronizedList(new ArrayList<>());
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    System.out.println(prefix + line);
                    lastOutput.add(line);
                }
            } catch (IOException e) {
                lastOutput.add("(output unreadable: " + e.getMessage() + ")");
            }
        }, "node-output");
        reader.start();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(30));
            return new NodeRun(true, -1, lastOutput);
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return new NodeRun(false, p.exitValue(), lastOutput);
    }

    /** What the browser tests need and this machine lacks. */
    private static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        if (!onPath("node")) {
            missing.add("Node.js (node on the PATH; Debian: apt-get install nodejs)");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("Chromium at " + CHROMIUM + " (Debian: apt-get install chromium)");
        }
        if (!Files.isDirectory(WEB.resolve("node_modules/playwright-core"))) {
            missing.add(WEB.resolve("node_modules/playwright-core")
                    + " (embedding-service's build installs it through web/build.sh)");
        }
        return missing;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static List<Path> browserTests() throws IOException {
        try (Stream<Path> files = Files.list(WEB.resolve("test"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".test.mjs")).sorted().toList();
        }
    }

    private static int currentCellCount() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + EMBEDDING_PORT + "/api/maps/current")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).get("cellCount").asInt();
    }
}
