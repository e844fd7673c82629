package org.patchmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.testing.SharedData;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code patchmap metadata} on the 385 real records and on broken input. */
class MetadataCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DANDI = SharedData.root().resolve("data/dandi");

    /**
     * Counts read once from the 385 records: 335 have usable assetsSummary species (47 have none
     * and 4 only "Unidentified"); 23 of the others name a species in their text (000968 and 001048
     * only as "HEK cells", a human cell line); 27 say nothing.
     */
    @Test
    void everyRealRecord() throws Exception {
        List<JsonNode> out = run(DANDI.resolve("dandiset-metadata.jsonl"));
        assertEquals(385, out.size());
        assertEquals(385, out.stream().map(o -> o.get("identifier").asText()).distinct().count());
        assertEquals(0, out.stream().filter(o -> o.has("error")).count());
        assertEquals(Map.of("dandiset", 335L, "text", 23L, "none", 27L),
                count(out, o -> o.get("sources").path("species").asText("none")));
        assertEquals(27, out.stream().filter(o -> o.get("species").toString().equals("[\"unknown\"]")).count());
        // 13 summaries name two species, 000029 three, and 000674's text names three (human, macaque, marmoset).
        assertEquals(Map.of(1, 370L, 2, 13L, 3, 2L), count(out, o -> o.get("species").size()));
        // Stated temperatures: 000035's 34 ℃ and the ten "Constant temperature behavior 16C…34C" zebrafish sets.
        assertEquals(List.of("000035", "000697", "000698", "000699", "000700", "000701", "000702", "000703", "000704",
                "000705", "000706"), ids(out, "temperature_c"));
        // Stated ages: "4-7 months of age", "between 5 and 12 days postnatal", "P75 to P81", "7-12 months of age", "P11 to P21".
        assertEquals(List.of("000041", "000219", "000402", "000640", "001349"), ids(out, "age_days"));
        for (JsonNode o : out) {
            Set<String> keys = new TreeSet<>();
            o.fieldNames().forEachRemaining(keys::add);
            Set<String> expected = new TreeSet<>(List.of("identifier", "species", "region", "region_id", "sources"));
            if (o.has("temperature_c")) {
                expected.add("temperature_c");
            }
            if (o.has("age_days")) {
                expected.add("age_days");
            }
            assertEquals(expected, keys, o.toString());
            assertEquals(o.get("region").asText().equals("unknown"), o.get("region_id").isNull(), o.toString());
        }
        JsonNode r35 = out.stream().filter(o -> o.get("identifier").asText().equals("000035")).findFirst().orElseThrow();
        assertEquals(34.0, r35.get("temperature_c").asDouble());
        assertEquals("text", r35.get("sources").get("temperature_c").asText());
        assertEquals("[\"Mus musculus\"]", r35.get("species").toString());
    }

    @Test
    void badLinesGiveTheirErrorAndTheOthersGoOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mixed.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(DANDI.resolve("dandiset-metadata.jsonl")).subList(0, 2));
        lines.add(1, "{\"identifier\": \"000001\", \"name\": ");
        lines.add("");
        lines.add("[1, 2]");
        Files.write(file, lines);
        List<JsonNode> out = run(file);
        assertEquals(4, out.size());
        assertEquals("000003", out.get(0).get("identifier").asText());
        assertEquals(2, out.get(1).get("line").asInt());
        assertEquals("mixed.jsonl line 2: not JSON: Unexpected end-of-input within/between Object entries",
                out.get(1).get("error").asText());
        assertEquals("000004", out.get(2).get("identifier").asText());
        assertEquals("{\"file\":\"mixed.jsonl\",\"line\":5,\"error\":\"mixed.jsonl line 5: expected a dandiset record "
                + "(a JSON object), got array\"}", out.get(3).toString());
    }

    @Test
    void versionJsonAndDandisetYaml(@TempDir Path dir) throws Exception {
        // The API's version metadata: the same content as dandiset.yaml, as pretty-printed JSON.
        JsonNode version = new ObjectMapper(new YAMLFactory()).readTree(DANDI.resolve("000035/dandiset.yaml").toFile());
        Path json = dir.resolve("000035.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), version);
        List<JsonNode> out = run(json, DANDI.resolve("000035/dandiset.yaml"), dir.resolve("missing.jsonl"));
        assertEquals(3, out.size());
        for (JsonNode o : out.subList(0, 2)) {
            assertEquals("000035", o.get("identifier").asText());
            assertEquals("[\"Mus musculus\"]", o.get("species").toString());
            assertEquals(34.0, o.get("temperature_c").asDouble());
        }
        assertEquals("missing.jsonl", out.get(2).get("file").asText());
        assertEquals("missing.jsonl: cannot read: " + dir.resolve("missing.jsonl"), out.get(2).get("error").asText());
    }

    private static List<JsonNode> run(Path... files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MetadataCommand command = new MetadataCommand();
        command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = new CommandLine(command).execute(List.of(files).stream().map(Path::toString).toArray(String[]::new));
        assertEquals(0, status);
        List<JsonNode> out = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            assertFalse(line.isBlank());
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static <K> Map<K, Long> count(List<JsonNode> out, Function<JsonNode, K> key) {
        return out.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static List<String> ids(List<JsonNode> out, String field) {
        return out.stream().filter(o -> o.has(field)).map(o -> o.get("identifier").asText()).toList();
    }
}
