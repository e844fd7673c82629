package org.patchmap.ingest.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a DANDI asset is downloaded: {@code <work dir>/<asset id>/<file name>}. Both names come from an event, so
 * each is checked before it becomes a path: an asset id is letters, digits and '-' (DANDI's are UUIDs), a file name
 * is the asset path's last part and must stay inside its folder.
 */
final class AssetPaths {
    private static final Pattern ASSET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    private AssetPaths() {
    }

    static Path file(Path workDir, String assetId, String fileName) throws IOException {
        if (assetId == null || !ASSET_ID.matcher(assetId).matches()) {
            throw new IOException("asset id '" + assetId + "' is not a DANDI asset id (letters, digits and '-', at most "
                    + "64): refused as a folder name");
        }
        Path dir = workDir.toAbsolutePath().normalize().resolve(assetId);
        Path file = dir.resolve(fileName == null ? "" : fileName).normalize();
        if (fileName == null || fileName.isBlank() || !dir.equals(file.getParent())) {
            throw new IOException("file name '" + fileName + "' of asset " + assetId
                    + " would leave its download folder: refused");
        }
        return file;
    }
}
