package org.patchmap.core.dandi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.patchmap.testing.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real DANDI metadata in ../shared/data/dandi. */
final class DandiTestData {
    static final List<String> FOLDERS = List.of("000008", "000020", "000035", "000109", "000142", "000297", "000630");

    private DandiTestData() {
    }

    static Path dir() {
        return SharedData.path("data/dandi");
    }

    /** {@code <id>/dandiset.yaml} as the JSON tree the API returns. */
    static JsonNode versionJson(String id) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(dir().resolve(id).resolve("dandiset.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 385 records of dandiset-metadata.jsonl. */
    static List<JsonNode> jsonlRecords() {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir().resolve("dandiset-metadata.jsonl"))) {
                if (!line.isBlank()) {
                    out.add(mapper.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
