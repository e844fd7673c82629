package org.patchmap.ingest.upload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UploadIntakeTest {
    @Test
    void clientFileNamesBecomeSafeNames() {
        assertEquals("cell_one.abf", UploadIntake.safeName("../../etc/cell one.abf"));
        assertEquals("x.nwb", UploadIntake.safeName("C:\\Users\\me\\x.nwb"));
        assertEquals("passwd", UploadIntake.safeName("..passwd"));
        assertEquals("upload", UploadIntake.safeName(null));
        assertEquals("upload", UploadIntake.safeName("dir/"));
        assertEquals("_____.abf", UploadIntake.safeName("ñ€<>*.abf"));
        assertEquals(120, UploadIntake.safeName("a".repeat(300) + ".nwb").length());
    }

    @Test
    void limitsReadAsPeopleWriteThem() {
        assertEquals("200 MiB", UploadIntake.human(200L * 1024 * 1024));
        assertEquals("3 MiB", UploadIntake.human(3L * 1024 * 1024));
        assertEquals("1.5 KiB", UploadIntake.human(1536));
        assertEquals("999 bytes", UploadIntake.human(999));
    }
}
