package org.patchmap.sim.demo;

import org.patchmap.core.recording.Recording;
import org.patchmap.sim.file.Abf2Writer;

import java.util.Locale;
import java.util.function.Function;

/** How a demo lab's files are written: the producer's layout and the file extension. */
public enum DemoFileFormat {
    /** Clampex's episodic ABF 2. */
    ABF2("abf", Abf2Writer::bytes);

    private final String extension;
    private final Function<Recording, byte[]> writer;

    DemoFileFormat(String extension, Function<Recording, byte[]> writer) {
        this.extension = extension;
        this.writer = writer;
    }

    public String extension() {
        return extension;
    }

    /** The file's bytes; the same recording always gives the same bytes. */
    public byte[] bytes(Recording recording) {
        return writer.apply(recording);
    }

    /** The name the manifest and the asset metadata use, e.g. "abf2". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
