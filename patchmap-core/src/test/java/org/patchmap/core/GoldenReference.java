package org.patchmap.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchmap.testing.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ipfx reference cells of ../shared/golden, read in order (recordings: {@link SharedData}). */
public final class GoldenReference {
    private GoldenReference() {
    }

    /** The reference files, in order: the matched cells, then the cells added later (read when present). */
    static final List<String> GOLDEN_FILES = List.of("golden/ipfx-reference.json", "golden/ipfx-reference-next.json");

    /**
     * The cells of every reference file: golden/ipfx-reference.json (required) and
     * golden/ipfx-reference-next.json. The second is read when present, so its cells are held as soon as
     * they agree and still held after they move into the first; a cell in both counts once (the first's).
     */
    public static List<JsonNode> cells() {
        List<JsonNode> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < GOLDEN_FILES.size(); i++) {
            Path file = SharedData.path(GOLDEN_FILES.get(i));
            if (i > 0 && !Files.exists(file)) {
                continue;
            }
            try {
                new ObjectMapper().readTree(file.toFile()).get("cells").forEach(cell -> {
                    if (seen.add(cell.get("file").asText())) {
                        out.add(cell);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
