package org.patchmap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The team's shared test material next to the repository ({@code ../shared}: real recordings, DANDI
 * metadata, the ipfx reference), read and never copied. Found through {@code PATCHMAP_SHARED} (the build
 * sets it) or, for a test started from an IDE, by walking up from the working directory.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder itself. */
    public static Path root() {
        String env = System.getenv("PATCHMAP_SHARED");
        if (env != null && Files.isDirectory(Path.of(env))) {
            return Path.of(env).normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared");
            if (Files.isDirectory(shared.resolve("data"))) {
                return shared;
            }
        }
        throw new IllegalStateException("no shared/ folder found (set PATCHMAP_SHARED)");
    }

    /** A file or folder of the shared material, e.g. {@code "data/dandi/000008"}. */
    public static Path path(String relative) {
        return root().resolve(relative).normalize();
    }

    /** A real recording by file name, from data/cells/nwb or data/cells/abf. */
    public static Path cell(String fileName) {
        for (String dir : List.of("nwb", "abf")) {
            Path p = path("data/cells").resolve(dir).resolve(fileName);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no recording " + fileName + " under " + path("data/cells"));
    }

    /** Every recording in data/cells (nwb and abf), sorted by file name. */
    public static List<Path> allCells() {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("nwb", "abf")) {
            try (Stream<Path> s = Files.list(path("data/cells").resolve(dir))) {
                s.filter(Files::isRegularFile).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }
}
