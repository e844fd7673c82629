package org.patchmap.sim.demo;

import org.patchmap.core.recording.Recording;
import org.patchmap.sim.file.Abf2Writer;
import org.patchmap.sim.file.NwbLayout;
import org.patchmap.sim.file.NwbWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * How a demo lab's files are written: a real producer's layout and its file extension. DANDI
 * holds NWB only, so the demo dandisets use the NWB layouts; ABF 2 is for files a user uploads.
 */
public enum DemoFileFormat {
    /** The Allen Institute's MIES acquisition software (the largest share of DANDI's cells). */
    MIES("nwb", NwbLayout.MIES),
    /** NeuroConv's conversion of ABF files. */
    NEUROCONV_ABF("nwb", NwbLayout.NEUROCONV_ABF),
    /** pynwb with a SweepTable. */
    PYNWB_SWEEP_TABLE("nwb", NwbLayout.PYNWB_SWEEP_TABLE),
    /** Clampex's episodic ABF 2. */
    ABF2("abf", null);

    private final String extension;
    private final NwbLayout layout;

    DemoFileFormat(String extension, NwbLayout layout) {
        this.extension = extension;
        this.layout = layout;
    }

    public String extension() {
        return extension;
    }

    /** The file's bytes; the same recording always gives the same bytes. */
    public byte[] bytes(Recording recording) {
        if (layout == null) {
            return Abf2Writer.bytes(recording);
        }
        try {
            return NwbWriter.bytes(recording, layout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name the manifest uses: the NWB layout's wire name, or "abf2". */
    public String wire() {
        return layout != null ? layout.wire() : name().toLowerCase(Locale.ROOT);
    }
}
