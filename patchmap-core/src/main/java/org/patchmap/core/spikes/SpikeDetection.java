package org.patchmap.core.spikes;

import org.patchmap.core.numeric.Stats;

import java.util.Arrays;

/**
 * Spec section 2, the spike detection proper (ipfx {@code spike_detector.py}): pure functions over
 * the voltage (mV), its dV/dt (V/s, length N − 1) and sample indices. Each method names the ipfx
 * function it follows; where the spec is silent (search bounds, which of two merged spikes keeps
 * what) the ipfx behaviour is kept and said so. Where ipfx would crash on an empty slice, these
 * return a documented fallback instead.
 */
final class SpikeDetection {
    private SpikeDetection() {
    }

    /**
     * ipfx {@code detect_putative_spikes}: crossings k in the window where dV/dt[k] < cutoff ≤
     * dV/dt[k + 1]. As ipfx, the window of dV/dt is [startIdx, endIdx), so k + 1 < endIdx. A later
     * crossing is kept only when dV/dt went below 0 in [previous crossing, it), the previous
     * crossing being the one just before it, kept or not (ipfx's list comprehension indexes the
     * unfiltered list).
     */
    static int[] putativeSpikes(double[] dvdt, int startIdx, int endIdx, double cutoff) {
        int end = Math.min(endIdx, dvdt.length);
        int[] raw = new int[Math.max(0, end - startIdx)];
        int n = 0;
        for (int k = startIdx; k + 1 < end; k++) {
            if (!(dvdt[k] >= cutoff) && dvdt[k + 1] >= cutoff) {
                raw[n++] = k;
            }
        }
        if (n <= 1) {
            return Arrays.copyOf(raw, n);
        }
        int[] kept = new int[n];
        int m = 0;
        kept[m++] = raw[0];
        for (int i = 1; i < n; i++) {
            if (anyBelow(dvdt, raw[i - 1], raw[i], 0)) {
                kept[m++] = raw[i];
            }
        }
        return Arrays.copyOf(kept, m);
    }

    /**
     * ipfx {@code find_peak_indexes}: argmax v over [spike k, spike k + 1), the last one up to
     * {@code endIdx} exclusive (first maximum on ties, as numpy).
     */
    static int[] peaks(double[] v, int[] spikes, int endIdx) {
        int[] out = new int[spikes.length];
        for (int i = 0; i < spikes.length; i++) {
            int to = i + 1 < spikes.length ? spikes[i + 1] : endIdx;
            out[i] = argmax(v, spikes[i], to);
        }
        return out;
    }

    /**
     * ipfx {@code filter_putative_spikes}, in its order: merge spike k and k + 1 (keeping spike k's
     * start and peak k + 1) where dV/dt never goes below 0 in [peak k, spike k + 1); drop peaks
     * below {@code minPeakMv}; drop spikes whose peak is less than {@code minHeightMv} above v at
     * the putative spike. Returns {spikes, peaks}.
     */
    static int[][] filter(double[] v, double[] dvdt, int[] spikes, int[] peaks, double minHeightMv,
                          double minPeakMv) {
        int n = spikes.length;
        if (n == 0) {
            return new int[][]{new int[0], new int[0]};
        }
        boolean[] diff = new boolean[n - 1];
        for (int i = 0; i < n - 1; i++) {
            diff[i] = anyBelow(dvdt, peaks[i], spikes[i + 1], 0);
        }
        int[] s = new int[n];
        int[] p = new int[n];
        int ns = 0;
        int np = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || diff[i - 1]) {
                s[ns++] = spikes[i];
            }
            if (i == n - 1 || diff[i]) {
                p[np++] = peaks[i];
            }
        }
        // ns == np: each merge removes one spike and one peak
        int m = 0;
        for (int i = 0; i < ns; i++) {
            if (v[p[i]] >= minPeakMv && v[p[i]] - v[s[i]] >= minHeightMv) {
                s[m] = s[i];
                p[m] = p[i];
                m++;
            }
        }
        return new int[][]{Arrays.copyOf(s, m), Arrays.copyOf(p, m)};
    }

    /**
     * ipfx {@code find_upstroke_indexes}: argmax dV/dt over [spike, peak); the spike's own index
     * when that range is empty (where ipfx would raise).
     */
    static int[] upstrokes(double[] dvdt, int[] spikes, int[] peaks) {
        int[] out = new int[spikes.length];
        for (int i = 0; i < spikes.length; i++) {
            int k = argmax(dvdt, spikes[i], Math.min(peaks[i], dvdt.length));
            out[i] = k < 0 ? spikes[i] : k;
        }
        return out;
    }

    /**
     * ipfx {@code refine_threshold_indexes}: target = fraction × mean dV/dt at the upstrokes; from
     * each upstroke walk back to the first sample with dV/dt ≤ target, searching down to (not
     * including) the previous upstroke, or down to sample 1 for the first spike; none found → the
     * previous upstroke (0 for the first spike).
     */
    static int[] refineThresholds(double[] dvdt, int[] upstrokes, double thresholdFraction) {
        int n = upstrokes.length;
        if (n == 0) {
            return new int[0];
        }
        double target = thresholdFraction * Stats.meanAt(dvdt, upstrokes);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int prev = i == 0 ? 0 : upstrokes[i - 1];
            int found = searchBack(dvdt, upstrokes[i], prev, target);
            out[i] = found < 0 ? prev : found;
        }
        return out;
    }

    /**
     * ipfx {@code check_thresholds_and_peaks} (spec 2, "Validation"). First overlaps: where
     * threshold k + 1 ≤ peak k + 1 sample, the two become one spike with threshold k and peak and
     * upstroke k + 1 (ipfx's masks). Then each spike with peak − threshold ≥ {@code maxIntervalS}:
     * re-search the threshold from its upstroke back to (not including) the sample nearest
     * peak − maxInterval; if none, re-find the peak as argmax v over [threshold, sample nearest
     * threshold + 2·maxInterval) and keep it if it is less than maxInterval after the threshold
     * and before the next threshold; otherwise drop the spike. Returns {thresholds, peaks, upstrokes}.
     */
    static int[][] checkThresholdsAndPeaks(double[] v, double[] dvdt, SampleTimes times, int[] thresholds,
                                           int[] peaks, int[] upstrokes, double maxIntervalS,
                                           double thresholdFraction) {
        int n = thresholds.length;
        boolean[] dropThreshold = new boolean[n];
        boolean[] dropPeak = new boolean[n];
        for (int i = 0; i + 1 < n; i++) {
            if (thresholds[i + 1] <= peaks[i] + 1) {
                dropThreshold[i + 1] = true;
                dropPeak[i] = true;
            }
        }
        int[] thr = new int[n];
        int[] pk = new int[n];
        int[] up = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!dropThreshold[i]) {
                thr[m++] = thresholds[i];
            }
        }
        int mp = 0;
        for (int i = 0; i < n; i++) {
            if (!dropPeak[i]) {
                pk[mp] = peaks[i];
                up[mp] = upstrokes[i];
                mp++;
            }
        }
        n = m; // m == mp

        boolean anyTooLong = false;
        for (int i = 0; i < n; i++) {
            if (times.t(pk[i]) - times.t(thr[i]) >= maxIntervalS) {
                anyTooLong = true;
                break;
            }
        }
        if (!anyTooLong) {
            return new int[][]{Arrays.copyOf(thr, n), Arrays.copyOf(pk, n), Arrays.copyOf(up, n)};
        }
        double target = thresholdFraction * Stats.meanAt(dvdt, Arrays.copyOf(up, n));
        boolean[] drop = new boolean[n];
        int last = times.n() - 1;
        for (int i = 0; i < n; i++) {
            if (!(times.t(pk[i]) - times.t(thr[i]) >= maxIntervalS)) {
                continue;
            }
            int t0 = times.index(times.t(pk[i]) - maxIntervalS);
            int found = searchBack(dvdt, up[i], t0, target);
            if (found >= 0) {
                thr[i] = found;
                continue;
            }
            int spike = thr[i];
            int to = times.t(spike) + 2 * maxIntervalS >= times.t(last) ? last
                    : times.index(times.t(spike) + 2 * maxIntervalS);
            int newPeak = argmax(v, spike, to);
            if (newPeak >= 0 && times.t(newPeak) - times.t(spike) < maxIntervalS
                    && (i == n - 1 || times.t(newPeak) < times.t(thr[i + 1]))) {
                pk[i] = newPeak;
            } else {
                drop[i] = true;
            }
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!drop[i]) {
                thr[k] = thr[i];
                pk[k] = pk[i];
                up[k] = up[i];
                k++;
            }
        }
        return new int[][]{Arrays.copyOf(thr, k), Arrays.copyOf(pk, k), Arrays.copyOf(up, k)};
    }

    /**
     * ipfx {@code find_clipped_spikes} as the spec words it: the last spike is clipped when v in
     * [its peak, endIdx] (inclusive, as ipfx's {@code end_index + 1}) never comes back to
     * ≤ its threshold v + {@code tolMv}. The spec has no extra time condition.
     */
    static boolean lastClipped(double[] v, int lastThreshold, int lastPeak, int endIdx, double tolMv) {
        double level = v[lastThreshold] + tolMv;
        for (int k = lastPeak; k <= Math.min(endIdx, v.length - 1); k++) {
            if (v[k] <= level) {
                return false;
            }
        }
        return true;
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Any x[k] < level for k in [from, to). */
    static boolean anyBelow(double[] x, int from, int to, double level) {
        for (int k = Math.max(0, from); k < Math.min(to, x.length); k++) {
            if (x[k] < level) {
                return true;
            }
        }
        return false;
    }

    /**
     * numpy's {@code np.flatnonzero(x[from:downTo:-1] <= target)[0]} mapped back to an index: the
     * first k from {@code from} down to {@code downTo + 1} with x[k] ≤ target; −1 when none.
     */
    static int searchBack(double[] x, int from, int downTo, double target) {
        for (int k = Math.min(from, x.length - 1); k > downTo; k--) {
            if (x[k] <= target) {
                return k;
            }
        }
        return -1;
    }

    /** First index of the maximum of x[from, to); −1 when empty. */
    static int argmax(double[] x, int from, int to) {
        int best = -1;
        for (int k = Math.max(0, from); k < Math.min(to, x.length); k++) {
            if (best < 0 || x[k] > x[best]) {
                best = k;
            }
        }
        return best;
    }

    /** First index of the minimum of x[from, to); −1 when empty. */
    static int argmin(double[] x, int from, int to) {
        int best = -1;
        for (int k = Math.max(0, from); k < Math.min(to, x.length); k++) {
            if (best < 0 || x[k] < x[best]) {
                best = k;
            }
        }
        return best;
    }
}
