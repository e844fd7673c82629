package org.patchmap.core.analysis;

import org.patchmap.core.features.CellFeatureExtractor;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.FiCurve;
import org.patchmap.core.features.SweepFeatures;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.core.spikes.Spike;
import org.patchmap.core.spikes.SpikeDetector;
import org.patchmap.core.spikes.SpikeTrain;
import org.patchmap.core.spikes.SpikeWaveform;
import org.patchmap.core.sweep.DisplayTrace;
import org.patchmap.core.sweep.Sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * The cell's first action potential at full resolution ({@link FirstSpike}): the first spike of the
     * rheobase sweep, found as {@link #features} finds it, so that its threshold and peak are those of
     * the cell's {@code ap_1_threshold_v_0_long_square} and {@code ap_1_peak_v_0_long_square}. Empty
     * when no sweep spikes at a positive amplitude, or for an invalid window.
     */
    public static Optional<FirstSpike> firstSpike(SweepFamily family) {
        return firstSpike(family.sweeps(), family.startS(), family.endS());
    }

    /** The first action potential of family sweeps with a known window, e.g. loaded back from storage. */
    public static Optional<FirstSpike> firstSpike(List<FamilySweep> family, double startS, double endS) {
        if (!(Double.isFinite(startS) && Double.isFinite(endS) && startS >= 0 && endS > startS)) {
            return Optional.empty();
        }
        SpikeDetector detector = new SpikeDetector();
        List<SweepFeatures> table = CellFeatureExtractor.sweepTable(family, startS, endS,
                m -> detector.detect(m.sweep(), startS, endS));
        return FiCurve.rheobaseSweep(table).filter(s -> !s.spikes().spikes().isEmpty()).map(s -> {
            Spike first = s.spikes().spikes().get(0);
            return new FirstSpike(s.member(), first, SpikeWaveform.around(s.member().sweep(), first, detector,
                    FirstSpike.BEFORE_S, FirstSpike.AFTER_S));
        });
    }

    /** Full resolution from this long before the first AP's threshold... */
    static final double AP_BEFORE_S = 0.002;
    /** ...to this long after it: upstroke, peak, repolarisation and fast trough. */
    static final double AP_AFTER_S = 0.010;

    /**
     * The family's sweeps thinned for drawing ({@link DisplayTrace}): {@code points} per sweep
     * plus, for a sweep that fires in the family's window, its first action potential at full
     * resolution, from {@value #AP_BEFORE_S} s before its threshold to {@value #AP_AFTER_S} s after.
     * A sweep whose spikes cannot be detected (NaN inside the recording) is thinned without one.
     */
    public static List<DisplayTrace> display(SweepFamily family, int points) {
        SpikeDetector detector = new SpikeDetector();
        List<DisplayTrace> out = new ArrayList<>(family.sweeps().size());
        for (FamilySweep m : family.sweeps()) {
            Sweep sweep = m.sweep();
            int from = -1;
            int to = -1;
            try {
                SpikeTrain train = detector.detect(sweep, family.startS(), family.endS());
                if (!train.spikes().isEmpty()) {
                    int threshold = train.spikes().get(0).thresholdIndex();
                    from = Math.max(0, threshold - (int) Math.round(AP_BEFORE_S * sweep.samplingRateHz()));
                    to = threshold + (int) Math.round(AP_AFTER_S * sweep.samplingRateHz());
                }
            } catch (IllegalArgumentException e) {
                // no AP stretch: the display is still drawn
            }
            out.add(DisplayTrace.of(sweep, points, from, to));
        }
        return out;
    }
}
