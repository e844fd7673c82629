package org.patchmap.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.features.ReferenceAgreement;
import org.patchmap.core.recording.RecordingReader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo atlas, nothing in-process: {@code bin/stack --demo --cells 24} writes 24 SIMULATED cells
 * (every lab, all three NWB layouts), serves them through the DANDI API of its local archive,
 * ingest polls it as it polls DANDI, and every cell must end on the map with the features PatchMap
 * computes from its file (within the spec's tolerances), its simulated type, its species, and finite
 * coordinates in the current map, which holds all 24.
 */
class DemoAtlasEndToEndTest {
    private static final int CELLS = 24;
    private static final int FEATURE_PORT = 18182;
    private static final int EMBEDDING_PORT = 18180;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void everySimulatedCellReachesTheMapWithItsFeaturesAndItsTruth(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("demo");
        Map<String, String> env = new java.util.HashMap<>(Map.of("KAFKA_PORT", "19192", "KAFKA_CONTROLLER_PORT",
                "19193", "MONGO_PORT", "27217", "INGEST_PORT", "18181", "FEATURE_PORT", String.valueOf(FEATURE_PORT),
                "METADATA_PORT", "18183", "EMBEDDING_PORT", String.valueOf(EMBEDDING_PORT), "DEMO_ARCHIVE_PORT", "18190",
                "DEMO_STALL_S", "240"));
        // management interfaces (health, metrics) beside the HTTP ports above
        env.putAll(Map.of("INGEST_MANAGEMENT_PORT", "19181", "FEATURE_MANAGEMENT_PORT", "19182",
                "METADATA_MANAGEMENT_PORT", "19183", "EMBEDDING_MANAGEMENT_PORT", "19180"));
        env.put("PATCHMAP_DEMO_DATA", data.toString());
        try (StackProcess stack = StackProcess.start(List.of("--demo", "--cells", String.valueOf(CELLS)), env)) {
            List<String> out = stack.linesUntilRunning();
            String all = String.join("\n", out);
            assertTrue(out.stream().anyMatch(l -> l.matches("demo: " + CELLS + "/" + CELLS
                    + " cells on the map at \\d+ s")), all);

            List<String[]> manifest = Files.readAllLines(data.resolve("archive/manifest.tsv")).stream().skip(1)
                    .map(l -> l.split("\t")).toList();
            assertEquals(CELLS, manifest.size());
            assertEquals(Set.of("mies", "pynwb-sweep-table", "neuroconv-abf"),
                    new TreeSet<>(manifest.stream().map(f -> f[4]).toList()));
            Map<String, Map<String, String>> exported = export();
            assertEquals(CELLS, exported.size(), exported.keySet().toString());
            assertEquals(CELLS, get("http://localhost:" + EMBEDDING_PORT + "/api/maps/current").get("cellCount").asInt());
            List<String> failures = new ArrayList<>();
            for (String[] m : manifest) {
                String cellId = "dandi:" + m[0] + "/" + m[1];
                Map<String, String> row = exported.get(cellId);
                assertTrue(row != null, cellId + " is not in the export");
                assertEquals(m[3], row.get("simulated_type"), cellId);
                assertEquals(m[0], row.get("dandiset"), cellId);
                assertTrue(Double.isFinite(Double.parseDouble(row.get("x")))
                        && Double.isFinite(Double.parseDouble(row.get("y"))), cellId + " " + row);
                JsonNode cell = get("http://localhost:" + EMBEDDING_PORT + "/api/cells/" + cellId);
                assertEquals(m[3], cell.at("/metadata/simulated/type").asText(), cellId);
                assertTrue(cell.at("/metadata/species").toString().contains(speciesOf(m[0])), cellId + " " + cell);
                failures.addAll(featureDisagreements(cellId, data.resolve("archive").resolve(m[0]).resolve(m[1])));
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));

            // the packaged services refuse the operator's requests without the stack's admin token, and take them with it
            String token = Files.readString(data.resolve("auth/admin-token")).trim();
            assertEquals(401, post("http://localhost:18181/api/admin/poll", null));
            assertEquals(401, post("http://localhost:" + EMBEDDING_PORT + "/api/admin/maps", null));
            assertEquals(401, post("http://localhost:" + EMBEDDING_PORT + "/api/admin/maps", "not-a-token"));
            assertEquals(202, post("http://localhost:" + EMBEDDING_PORT + "/api/admin/maps", token));
        }
    }

    /** The status of a POST without a body, with the bearer token unless null. */
    private static int post(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The features feature-service serves for the cell against those computed here from its file. */
    private static List<String> featureDisagreements(String cellId, Path file) throws Exception {
        Map<String, Double> expected = CellAnalysis.features(CellAnalysis.family(RecordingReader.read(file))).values();
        JsonNode stored = get("http://localhost:" + FEATURE_PORT + "/api/features/" + cellId).get("features");
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            JsonNode v = stored.path(e.getKey()).path("value");
            Double value = v.isNumber() ? v.asDouble() : null;
            if (!ReferenceAgreement.agrees(e.getKey(), value, e.getValue())) {
                failures.add(String.format(Locale.ROOT, "%s %s: served %s, computed from the file %s", cellId,
                        e.getKey(), value, e.getValue()));
            }
            compared++;
        }
        if (compared < 20) {
            failures.add(cellId + ": only " + compared + " features");
        }
        return failures;
    }

    private static String speciesOf(String dandiset) {
        return switch (dandiset) {
            case "990003" -> "Homo sapiens";
            case "990004" -> "Rattus norvegicus";
            case "990006" -> "Macaca mulatta";
            default -> "Mus musculus";
        };
    }

    private static Map<String, Map<String, String>> export() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + EMBEDDING_PORT
                + "/api/export.csv")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        // the first line is a comment naming the map version
        List<String> lines = r.body().lines().filter(l -> !l.startsWith("#")).toList();
        String[] header = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < header.length && k < f.length; k++) {
                row.put(header[k], f[k]);
            }
            rows.put(row.get("cell_id"), row);
        }
        return rows;
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
