package org.patchmap.core.spikes;

import org.patchmap.core.sweep.Sweep;

import java.util.Arrays;
import java.util.Locale;

/**
 * One action potential sample for sample, to draw it and its phase plot (dV/dt against v): every
 * recorded sample from a stretch before its threshold to a stretch after it, with the dV/dt the
 * detector found that threshold on (spec section 2) at each sample.
 *
 * @param samplingRateHz the sweep's sampling rate
 * @param fromIndex      the sweep sample of the first value
 * @param thresholdIndex the sweep sample of the spike's threshold
 * @param peakIndex      the sweep sample of the spike's peak
 * @param voltageMv      v at samples fromIndex, fromIndex + 1, …, mV
 * @param dvdtVs         dV/dt at the same samples (from each sample to the next), V/s
 */
public record SpikeWaveform(double samplingRateHz, int fromIndex, int thresholdIndex, int peakIndex,
                            double[] voltageMv, double[] dvdtVs) {
    public SpikeWaveform {
        if (voltageMv.length != dvdtVs.length) {
            throw new IllegalArgumentException(voltageMv.length + " voltage samples but " + dvdtVs.length
                    + " dV/dt samples");
        }
    }

    /** The number of samples. */
    public int size() {
        return voltageMv.length;
    }

    /** Each sample's time relative to the threshold, ms (negative before it). */
    public double[] timeFromThresholdMs() {
        double[] t = new double[voltageMv.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = (fromIndex + k - thresholdIndex) * 1000.0 / samplingRateHz;
        }
        return t;
    }

    /**
     * The samples of {@code sweep} from {@code beforeS} before {@code spike}'s threshold to {@code afterS}
     * after it (both ends included, each rounded to the nearest sample), clipped to the sweep: to its
     * first sample, and to its last recorded sample that has a dV/dt (dV/dt is a forward difference, so
     * the very last recorded sample has none). dV/dt is {@link SpikeDetector#dvdt} of the whole sweep,
     * never of the stretch alone, which would move the filter's edges.
     *
     * @param spike a spike {@code detector} found in {@code sweep}
     * @throws IllegalArgumentException for a negative or non-finite stretch, a threshold outside the
     *                                  recorded sweep, or a sweep the detector cannot read
     */
    public static SpikeWaveform around(Sweep sweep, Spike spike, SpikeDetector detector, double beforeS,
                                       double afterS) {
        if (!(beforeS >= 0 && afterS >= 0 && Double.isFinite(beforeS) && Double.isFinite(afterS))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sweep %s: invalid stretch around a spike: %s s before, %s s after", sweep.label(), beforeS,
                    afterS));
        }
        double[] dvdt = detector.dvdt(sweep);
        int threshold = spike.thresholdIndex();
        if (threshold < 0 || threshold >= dvdt.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sweep %s: spike threshold at sample %d lies outside its %d recorded samples", sweep.label(),
                    threshold, dvdt.length + 1));
        }
        double rate = sweep.samplingRateHz();
        int from = (int) Math.max(0, threshold - Math.round(beforeS * rate));
        int to = (int) Math.min(dvdt.length - 1L, threshold + Math.round(afterS * rate));
        return new SpikeWaveform(rate, from, threshold, spike.peakIndex(),
                Arrays.copyOfRange(sweep.voltageMv(), from, to + 1), Arrays.copyOfRange(dvdt, from, to + 1));
    }
}
