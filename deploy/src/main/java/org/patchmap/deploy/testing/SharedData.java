package org.patchmap.deploy.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared test material ({@code ../shared} from the repository root: real
 * recordings, DANDI metadata, reference results). Found through {@code PATCHMAP_SHARED} (set by
 * the build) or by walking up from the working directory.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path path(String relative) {
        String env = System.getenv("PATCHMAP_SHARED");
        if (env != null && Files.isDirectory(Path.of(env))) {
            return Path.of(env).resolve(relative).normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared");
            if (Files.isDirectory(shared.resolve("data"))) {
                return shared.resolve(relative);
            }
        }
        throw new IllegalStateException("no shared/ folder found (set PATCHMAP_SHARED)");
    }
}
