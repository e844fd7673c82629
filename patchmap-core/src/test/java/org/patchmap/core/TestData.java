package org.patchmap.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The team's shared material (../shared): real recordings and the ipfx reference. Read, never copied. */
public final class TestData {
    private TestData() {
    }

    public static Path shared() {
        return Path.of(System.getenv().getOrDefault("PATCHMAP_SHARED", "../../shared"));
    }

    /** A real recording by base name, from data/cells/nwb or data/cells/abf. */
    public static Path cell(String fileName) {
        for (String dir : List.of("nwb", "abf")) {
            Path p = shared().resolve("data/cells").resolve(dir).resolve(fileName);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no recording " + fileName + " under " + shared().resolve("data/cells"));
    }

    /** Every recording in data/cells (nwb and abf), sorted by name. */
    public static List<Path> allCells() {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("nwb", "abf")) {
            try (Stream<Path> s = Files.list(shared().resolve("data/cells").resolve(dir))) {
                s.filter(Files::isRegularFile).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return out;
    }

    /** The cells of golden/ipfx-reference.json. */
    public static List<JsonNode> goldenCells() {
        try {
            JsonNode root = new ObjectMapper().readTree(shared().resolve("golden/ipfx-reference.json").toFile());
            List<JsonNode> out = new ArrayList<>();
            root.get("cells").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
