package org.patchmap.core.analysis;

import org.patchmap.core.features.CellFeatureExtractor;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.core.spikes.SpikeDetector;

import java.nio.file.Path;
import java.util.List;

/**
 * The pipeline the command line and the services share: file → sweeps → long-square family →
 * cell features. Each step is usable alone (feature-service starts from stored traces).
 */
public final class CellAnalysis {
    private CellAnalysis() {
    }

    /** Reads a NWB or ABF file and finds its long-square family. */
    public static SweepFamily family(Path file) throws UnreadableFileException, NoLongSquareException {
        return family(RecordingReader.read(file));
    }

    public static SweepFamily family(Recording recording) throws NoLongSquareException {
        return LongSquareDetector.detect(recording);
    }

    /** The cell features of a family (spec sections 2 to 6). Never throws for a bad feature. */
    public static CellFeatures features(SweepFamily family) {
        return features(family.sweeps(), family.startS(), family.endS());
    }

    /** The cell features of family sweeps with a known window, e.g. loaded back from storage. */
    public static CellFeatures features(List<FamilySweep> family, double startS, double endS) {
        SpikeDetector detector = new SpikeDetector();
        return CellFeatureExtractor.extract(family, startS, endS, m -> detector.detect(m.sweep(), startS, endS));
    }
}
