package org.patchmap.core.spikes;

import org.patchmap.core.sweep.Sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Spikes of one sweep inside a window, with their features and the sweep's train features:
 * spec sections 2 to 4 (ipfx {@code SpikeFeatureExtractor} + {@code SpikeTrainFeatureExtractor}).
 * A thin composition: {@link Dvdt} (filter and dV/dt over the whole sweep), {@link SpikeDetection}
 * (putative spikes, peaks, merge and filters, upstrokes, thresholds, validation),
 * {@link SpikeFeatures} (clipped, trough, downstroke, fast trough, width) and
 * {@link SpikeTrainFeatures} (avg_rate, latency, ISIs, adapt).
 * <p>
 * Never throws for "no spikes" (an empty train, avg_rate 0) or for a spike cut by the window end
 * (clipped, its trough-side features NaN). Throws {@link IllegalArgumentException} with the sweep
 * named for invalid input: a NaN or infinite sample inside the recording, a non-finite or empty
 * window, a window entirely outside the recorded sweep. A trailing run of NaN samples (a recording
 * that stopped early) is cut off first, as ipfx crops to the "recording" epoch. A window partly
 * outside the sweep is clipped to it for the search (ipfx would assert), while avg_rate still
 * divides by the window's own length.
 * Immutable and thread-safe.
 */
public final class SpikeDetector {
    /**
     * Detection settings (spec section 2).
     *
     * @param dvdtCutoffVs       putative spike: dV/dt crosses this upward, V/s (ipfx dv_cutoff 20)
     * @param minPeakMv          peaks below are dropped, mV (spec 2: −25; ipfx default −30)
     * @param minHeightMv        peak − v at the putative spike must reach this, mV (ipfx 2)
     * @param thresholdFraction  threshold: fraction of the mean upstroke (ipfx thresh_frac 0.05)
     * @param maxIntervalS       threshold to peak at most this, s (ipfx max_interval 0.005)
     * @param filterCutoffHz     Bessel cutoff, capped at 0.8 × Nyquist, Hz (ipfx filter 10 kHz)
     * @param clippedTolMv       clipped: v never back to threshold + this, mV (ipfx tol 1.0)
     * @param fastTroughFraction fast trough: dV/dt back to this fraction of its minimum (ipfx term_frac 0.01)
     */
    public record Settings(double dvdtCutoffVs, double minPeakMv, double minHeightMv, double thresholdFraction,
                           double maxIntervalS, double filterCutoffHz, double clippedTolMv,
                           double fastTroughFraction) {
        /** The spec's settings: ipfx's defaults with spec 2's min_peak of −25 mV. */
        public static final Settings SPEC = new Settings(20.0, -25.0, 2.0, 0.05, 0.005,
                BesselFilter.DEFAULT_CUTOFF_HZ, 1.0, 0.01);
    }

    private final Settings settings;

    public SpikeDetector() {
        this(Settings.SPEC);
    }

    public SpikeDetector(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The spikes found in [startS, endS] (by their putative dV/dt crossing, spec 2) and the train features
     * over that window.
     *
     * @param sweep  the recording (v in mV)
     * @param startS window start, s from sweep start
     * @param endS   window end, s
     */
    public SpikeTrain detect(Sweep sweep, double startS, double endS) {
        if (!(Double.isFinite(startS) && Double.isFinite(endS) && endS > startS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sweep %s: invalid spike window [%s, %s] s", sweep.label(), startS, endS));
        }
        int n = Dvdt.recordedLength(sweep);
        double[] v = n == sweep.voltageMv().length ? sweep.voltageMv() : Arrays.copyOf(sweep.voltageMv(), n);
        SampleTimes times = SampleTimes.of(sweep.samplingRateHz(), n);
        if (n < 2 || startS > times.t(n - 1) || endS < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sweep %s: spike window [%s, %s] s lies outside the recorded sweep (%d samples, %s s)",
                    sweep.label(), startS, endS, n, n / sweep.samplingRateHz()));
        }
        if (cannotReachPeakFloor(v, times.index(startS), times.index(endS))) {
            return SpikeTrainFeatures.empty();
        }
        return detect(v, dvdt(v, sweep.samplingRateHz()), times, startS, endS);
    }

    /**
     * The dV/dt this detector finds thresholds and upstrokes on: the whole recorded sweep (a trailing
     * NaN run cut off) through {@link Dvdt} with these settings' filter, V/s, one value fewer than the
     * recorded samples (value k is the slope from sample k to k + 1).
     *
     * @throws IllegalArgumentException for a NaN or infinite sample inside the recorded part
     */
    public double[] dvdt(Sweep sweep) {
        int n = Dvdt.recordedLength(sweep);
        double[] v = n == sweep.voltageMv().length ? sweep.voltageMv() : Arrays.copyOf(sweep.voltageMv(), n);
        return dvdt(v, sweep.samplingRateHz());
    }

    private double[] dvdt(double[] v, double rate) {
        BesselFilter filter = BesselFilter.lowPass(
                Math.min(settings.filterCutoffHz(), BesselFilter.MAX_FRACTION_OF_NYQUIST * rate / 2), rate);
        return Dvdt.of(v, rate, filter);
    }

    /**
     * True when v stays below the peak floor over the whole search window [startIdx, endIdx): then
     * no spike can survive, whatever dV/dt is, and the sweep needs no filter. Every peak is an argmax
     * of v over [putative spike, next one or endIdx) with the putative spike ≥ startIdx, and
     * {@link SpikeDetection#filter} drops each peak below {@code minPeakMv}; the later re-found peaks
     * only replace peaks of spikes that passed it. So the train is the same empty one either way.
     */
    private boolean cannotReachPeakFloor(double[] v, int startIdx, int endIdx) {
        double floor = settings.minPeakMv();
        for (int k = Math.max(0, startIdx), to = Math.min(endIdx, v.length); k < to; k++) {
            if (v[k] >= floor) {
                return false;
            }
        }
        return !Double.isNaN(floor);
    }

    /** Detection on a voltage and its precomputed dV/dt. */
    SpikeTrain detect(double[] v, double[] dvdt, SampleTimes times, double startS, double endS) {
        int startIdx = times.index(startS);
        int endIdx = times.index(endS);
        int[] putative = SpikeDetection.putativeSpikes(dvdt, startIdx, endIdx, settings.dvdtCutoffVs());
        if (putative.length == 0) {
            return SpikeTrainFeatures.empty();
        }
        int[] peaks = SpikeDetection.peaks(v, putative, endIdx);
        int[][] sp = SpikeDetection.filter(v, dvdt, putative, peaks, settings.minHeightMv(), settings.minPeakMv());
        if (sp[0].length == 0) {
            return SpikeTrainFeatures.empty();
        }
        int[] upstrokes = SpikeDetection.upstrokes(dvdt, sp[0], sp[1]);
        int[] thresholds = SpikeDetection.refineThresholds(dvdt, upstrokes, settings.thresholdFraction());
        int[][] checked = SpikeDetection.checkThresholdsAndPeaks(v, dvdt, times, thresholds, sp[1], upstrokes,
                settings.maxIntervalS(), settings.thresholdFraction());
        int[] thr = checked[0];
        int[] pk = checked[1];
        // a re-found peak could sit on its threshold, where ipfx's upstroke argmax would raise: drop it
        int m = 0;
        for (int i = 0; i < thr.length; i++) {
            if (pk[i] > thr[i]) {
                thr[m] = thr[i];
                pk[m] = pk[i];
                m++;
            }
        }
        if (m < thr.length) {
            thr = Arrays.copyOf(thr, m);
            pk = Arrays.copyOf(pk, m);
        }
        List<Spike> spikes = SpikeFeatures.compute(v, dvdt, times, thr, pk, endIdx, settings.clippedTolMv(),
                settings.fastTroughFraction());
        // Every spike found in the window stays, also one whose refined threshold lies before start (a
        // strong step's onset transient can carry the walk back past it): ipfx keeps it in its spike
        // table, so it counts for n_spikes, latency, the ISIs and the first-spike features; only avg_rate
        // counts by threshold time.
        return SpikeTrainFeatures.of(spikes, startS, endS);
    }
}
