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

/** The real DANDI texts of ../shared/data/dandi, as the matcher reads them: title, description, keywords. */
final class RegionTexts {

    private RegionTexts() {
    }

    static List<String> texts(DandisetVersion v) {
        List<String> out = new ArrayList<>();
        out.add(v.name());
        out.add(v.description());
        out.addAll(v.keywords());
        return out;
    }

    /** The 385 records of dandiset-metadata.jsonl by identifier, in file order. */
    static Map<String, DandisetVersion> summaries() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, DandisetVersion> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dir().resolve("dandiset-metadata.jsonl"))) {
                if (!line.isBlank()) {
                    DandisetVersion v = DandisetVersion.fromJson(mapper.readTree(line));
                    out.put(v.identifier(), v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code <id>/dandiset.yaml}: the full version metadata, with keywords. */
    static DandisetVersion folder(String id) {
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(dir().resolve(id).resolve("dandiset.yaml").toFile());
            return DandisetVersion.fromJson(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir() {
        return SharedData.root().resolve("data/dandi");
    }
}
