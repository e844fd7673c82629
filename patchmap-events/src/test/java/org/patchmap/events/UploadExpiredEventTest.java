package org.patchmap.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expiry event names an upload's file only, and finds exactly that file's cells. */
class UploadExpiredEventTest {
    private static final Instant T = Instant.parse("2026-12-01T11:30:00Z");

    private static UploadExpiredEvent of(String fileKey) {
        return new UploadExpiredEvent(1, fileKey, "sha2-256:00", "u1", T, T);
    }

    @Test
    void aDandiFileIsNeverNamed() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> of(CellIds.dandiFile("000008", "sub-1/cell.nwb")));
        assertEquals("patchmap.uploads.expired: fileKey 'dandi:000008/sub-1/cell.nwb' is not an upload's (upload:...)",
                e.getMessage());
    }

    @Test
    void thePatternMatchesTheFilesCellsOnly() {
        String key = CellIds.uploadFile("9f2b6c01d4e5a7b8ff", "cell_1.nwb");
        UploadExpiredEvent event = of(key);
        Pattern p = Pattern.compile(event.cellIdPattern());
        assertTrue(p.matcher(key).matches());
        assertTrue(p.matcher(CellIds.cell(key, 2)).matches());
        assertTrue(event.isCellOfFile(CellIds.cell(key, 3)));
        assertFalse(p.matcher(key + "x").matches());
        assertFalse(p.matcher("upload:9f2b6c01d4e5a7b8/cell_1Xnwb").matches(), "the dot is literal");
        assertFalse(p.matcher("x" + key).matches());
        assertFalse(event.isCellOfFile("upload:9f2b6c01d4e5a7b8/cell_2.nwb"));
    }
}
