package org.patchmap.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.patchmap.testing.SharedData;
import org.patchmap.core.dandi.DandisetVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The real DANDI metadata of ../shared/data/dandi, read, never copied. */
final class MetadataTestData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataTestData() {
    }

    static Path dir() {
        return SharedData.path("data/dandi");
    }

    static Path jsonl() {
        return dir().resolve("dandiset-metadata.jsonl");
    }

    /** {@code <id>/dandiset.yaml}. */
    static DandisetVersion version(String id) {
        try {
            return DandisetVersion.fromJson(new ObjectMapper(new YAMLFactory()).readTree(dir().resolve(id).resolve("dandiset.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The assets' metadata of {@code <id>/assets.json}, in file order. */
    static List<JsonNode> assetMetadata(String id) {
        try {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(dir().resolve(id).resolve("assets.json").toFile()).forEach(a -> out.add(a.get("metadata")));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 385 records of dandiset-metadata.jsonl by identifier, in file order. */
    static Map<String, DandisetVersion> records() {
        Map<String, DandisetVersion> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(jsonl())) {
                DandisetVersion v = DandisetVersion.fromJson(JSON.readTree(line));
                out.put(v.identifier(), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
