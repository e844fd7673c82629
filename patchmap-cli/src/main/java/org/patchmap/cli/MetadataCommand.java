package org.patchmap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.core.metadata.DandisetMetadata;
import org.patchmap.core.metadata.MetadataExtractor;
import org.patchmap.events.MetadataEvent.SourcedTerm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code patchmap metadata FILE...}: species, region, age and recording temperature of dandiset
 * records, offline. A file is one record per line (the shape of dandiset-metadata.jsonl), one
 * version metadata JSON document (the API's shape) or a dandiset.yaml. One JSON line per record;
 * a bad record prints its line and error and the others go on.
 */
@Command(name = "metadata", mixinStandardHelpOptions = true,
        description = "Read dandiset metadata (JSON lines, version JSON or dandiset.yaml) and print each record's "
                + "species, brain region, age and recording temperature as JSON lines.")
final class MetadataCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "dandiset records: .jsonl, .json or .yaml")
    List<Path> files;

    PrintStream out = System.out;
    private final MetadataExtractor extractor = MetadataExtractor.standard();

    @Override
    public Integer call() {
        for (Path file : files) {
            read(file);
        }
        out.flush();
        return 0;
    }

    private void read(Path file) {
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            print(error(name, 0, name + ": cannot read: " + e.getMessage()));
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            whole(name, String.join("\n", lines), YAML);
        } else if (firstLineIsARecord(lines)) {
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    print(record(name, i + 1, lines.get(i), JSON));
                }
            }
        } else {
            whole(name, String.join("\n", lines), JSON);
        }
    }

    /** JSON lines when the first non-blank line is a whole JSON value; else one document (pretty-printed JSON). */
    private static boolean firstLineIsARecord(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).findFirst().map(l -> {
            try {
                JSON.readTree(l);
                return true;
            } catch (JsonProcessingException e) {
                return false;
            }
        }).orElse(true);
    }

    private void whole(String name, String content, ObjectMapper mapper) {
        print(record(name, 1, content, mapper));
    }

    private ObjectNode record(String name, int line, String text, ObjectMapper mapper) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return error(name, line, name + " line " + line + ": not " + (mapper == YAML ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return error(name, line, name + " line " + line + ": expected a dandiset record (a JSON object), got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        try {
            return report(extractor.dandiset(DandisetVersion.fromJson(node)));
        } catch (RuntimeException e) {
            // A bug, not a bad record: still this record's error, and the next one goes on.
            return error(name, line, name + " line " + line + ": internal error: " + e);
        }
    }

    static ObjectNode report(DandisetMetadata m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("identifier", m.identifier());
        var species = o.putArray("species");
        m.species().forEach(s -> species.add(s.label()));
        if (m.species().isEmpty()) {
            species.add("unknown");
        }
        SourcedTerm region = m.brainRegion();
        boolean known = !MetadataExtractor.isUnknown(region);
        o.put("region", known ? region.label().toLowerCase(Locale.ROOT) : "unknown");
        o.put("region_id", known ? region.termId() : null);
        if (m.temperatureC() != null) {
            o.put("temperature_c", m.temperatureC().value());
        }
        if (m.ageDays() != null) {
            o.put("age_days", m.ageDays().value());
        }
        ObjectNode sources = o.putObject("sources");
        if (!m.species().isEmpty()) {
            sources.put("species", m.species().get(0).source());
        }
        if (known) {
            sources.put("region", region.source());
        }
        if (m.temperatureC() != null) {
            sources.put("temperature_c", m.temperatureC().source());
        }
        if (m.ageDays() != null) {
            sources.put("age_days", m.ageDays().source());
        }
        return o;
    }

    private static ObjectNode error(String file, int line, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", file);
        o.put("line", line);
        o.put("error", message);
        return o;
    }

    private void print(ObjectNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
