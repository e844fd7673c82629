package org.patchmap.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchmap.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.features.ReferenceAgreement;

/**
 * The whole chain, nothing in-process: {@code bin/stack --source DIR} starts a real Kafka broker,
 * a MongoDB-wire server and the four packaged services, uploads a real NWB file (19926019.nwb, an
 * ipfx reference cell), a real ABF file and a voltage-clamp-only NWB file; ingest extracts the
 * families onto {@code patchmap.sweeps}, feature-service computes and stores the features. The
 * features it serves for the NWB cell must agree with the ipfx reference (spec section 7), and
 * the voltage-clamp file must come back with its reason.
 */
class SourceFolderEndToEndTest {
    private static final Path SHARED = SharedData.root();
    private static final int FEATURE_PORT = 18082;
    private static final Pattern CELL = Pattern.compile("^\\s+(\\S+)\\s+cell (\\S+) with features$");

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void filesFromAFolderBecomeCellsWithTheReferenceFeatures(@TempDir Path tmp) throws Exception {
        Path source = Files.createDirectories(tmp.resolve("source"));
        for (String f : List.of("nwb/19926019.nwb", "abf/File_axon_5.abf", "nwb/2025053101.nwb")) {
            Path p = SHARED.resolve("data/cells").resolve(f);
            Files.copy(p, source.resolve(p.getFileName()));
        }
        Map<String, String> env = new java.util.HashMap<>(Map.of("KAFKA_PORT", "19092", "KAFKA_CONTROLLER_PORT",
                "19093", "MONGO_PORT", "27117", "INGEST_PORT", "18081", "FEATURE_PORT", String.valueOf(FEATURE_PORT),
                "METADATA_PORT", "18083", "EMBEDDING_PORT", "18080", "SOURCE_TIMEOUT_S", "240"));
        // management interfaces (health, metrics) beside the HTTP ports above
        env.putAll(Map.of("INGEST_MANAGEMENT_PORT", "19081", "FEATURE_MANAGEMENT_PORT", "19082",
                "METADATA_MANAGEMENT_PORT", "19083", "EMBEDDING_MANAGEMENT_PORT", "19080"));
        env.put("PATCHMAP_DATA", tmp.resolve("data").toString());
        try (StackProcess stack = StackProcess.start(List.of("--source", source.toString()), env)) {
            List<String> out = stack.linesUntilRunning();
            String cellId = null;
            for (String line : out) {
                Matcher m = CELL.matcher(line);
                if (m.matches() && m.group(1).equals("19926019.nwb")) {
                    cellId = m.group(2);
                }
            }
            String all = String.join("\n", out);
            assertTrue(cellId != null && cellId.matches("upload:[0-9a-f]{16}/19926019\\.nwb"), all);
            assertTrue(out.stream().anyMatch(l -> l.matches("\\s+File_axon_5\\.abf\\s+cell upload:[0-9a-f]{16}/"
                    + "File_axon_5\\.abf with features")), all);
            assertTrue(out.stream().anyMatch(l -> l.matches("\\s+2025053101\\.nwb\\s+no cell: 2025053101\\.nwb: "
                    + "no current-clamp sweeps: 16 VoltageClampSeries \\(voltage clamp\\)")), all);

            assertAgreesWithTheReference(cellId, "19926019.nwb");
        }
    }

    private static void assertAgreesWithTheReference(String cellId, String file) throws IOException,
            InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + FEATURE_PORT + "/api/features/" + cellId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode stored = new ObjectMapper().readTree(r.body()).get("features");
        JsonNode reference = null;
        for (JsonNode c : new ObjectMapper().readTree(SHARED.resolve("golden/ipfx-reference.json").toFile())
                .get("cells")) {
            if (c.get("file").asText().equals(file)) {
                reference = c.get("features");
            }
        }
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = reference.fields(); it.hasNext(); compared++) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = stored.path(e.getKey()).path("value");
            Double value = v.isNumber() ? v.asDouble() : null;
            Double ref = e.getValue().isNull() ? null : e.getValue().asDouble();
            if (!ReferenceAgreement.agrees(e.getKey(), value, ref)) {
                failures.add(String.format(Locale.ROOT, "%s: stored %s, reference %s", e.getKey(), value, ref));
            }
        }
        assertTrue(compared > 20, "compared " + compared);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
