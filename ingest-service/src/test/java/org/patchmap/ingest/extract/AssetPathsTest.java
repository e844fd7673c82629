package org.patchmap.ingest.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AssetPathsTest {
    private static final Path WORK = Path.of("/var/patchmap/work");

    @Test
    void aDandiAssetLandsInItsOwnFolder() throws IOException {
        assertEquals(Path.of("/var/patchmap/work/a9416404-cc81-344b-8069-80ea8518d54a/cell_icephys.nwb"),
                AssetPaths.file(WORK, "a9416404-cc81-344b-8069-80ea8518d54a", "cell_icephys.nwb"));
    }

    @Test
    void aForgedAssetIdIsRefusedAsAFolderName() {
        for (String forged : new String[] {"../../etc", "..", "a/b", "", " x", "a".repeat(65)}) {
            IOException e = assertThrows(IOException.class, () -> AssetPaths.file(WORK, forged, "f.nwb"), forged);
            assertEquals("asset id '" + forged + "' is not a DANDI asset id (letters, digits and '-', at most 64): "
                    + "refused as a folder name", e.getMessage());
        }
    }

    @Test
    void aFileNameThatLeavesTheFolderIsRefused() {
        for (String name : new String[] {"..", ".", "", "../x.nwb"}) {
            IOException e = assertThrows(IOException.class, () -> AssetPaths.file(WORK, "abc-123", name), name);
            assertEquals("file name '" + name + "' of asset abc-123 would leave its download folder: refused",
                    e.getMessage());
        }
    }
}
