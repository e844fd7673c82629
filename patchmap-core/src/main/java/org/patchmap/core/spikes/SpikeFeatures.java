package org.patchmap.core.spikes;

import java.util.ArrayList;
import java.util.List;

/**
 * Spec section 3, the per-spike features (ipfx {@code spike_features.py} and the trough and
 * downstroke finders of {@code spike_detector.py}), from the validated threshold and peak indices.
 * Every range is half-open [from, to) unless said otherwise, as the numpy slices of ipfx.
 */
final class SpikeFeatures {
    private SpikeFeatures() {
    }

    /**
     * The spikes with all their features.
     *
     * @param v          voltage, mV
     * @param dvdt       dV/dt, V/s (length N − 1)
     * @param times      sample times
     * @param thresholds validated threshold indices
     * @param peaks      validated peak indices
     * @param endIdx     the window's end sample
     * @param clippedTolMv the clipped test's tolerance above threshold, mV
     * @param fastTroughFraction the fast trough's fraction of the steepest repolarisation (0.01)
     */
    static List<Spike> compute(double[] v, double[] dvdt, SampleTimes times, int[] thresholds, int[] peaks,
                               int endIdx, double clippedTolMv, double fastTroughFraction) {
        int n = thresholds.length;
        List<Spike> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        boolean lastClipped = SpikeDetection.lastClipped(v, thresholds[n - 1], peaks[n - 1], endIdx, clippedTolMv);
        for (int i = 0; i < n; i++) {
            int thr = thresholds[i];
            int pk = peaks[i];
            // the spec's "next threshold (last spike: end)"
            int next = i + 1 < n ? thresholds[i + 1] : endIdx;
            // upstroke: max dV/dt over [threshold, peak), recomputed after validation (ipfx does too)
            int up = SpikeDetection.argmax(dvdt, thr, pk);
            boolean clipped = i == n - 1 && lastClipped;

            // fast trough (ipfx analyze_trough_details, spec: no fixed window): D = argmin dV/dt over
            // [peak, next); the first k in [D, next) with dV/dt[k] >= 0.01 dV/dt[D] (ipfx searches
            // from D itself, which only matters when dV/dt[D] >= 0); none → clipped. ipfx computes it
            // only for spikes not already clipped, and for the spike before a clipped last one
            // searches to the window end; here the spec's "next threshold" is used for every spike.
            int fastTrough = -1;
            if (!clipped) {
                int d = SpikeDetection.argmin(dvdt, pk, next);
                if (d >= 0) {
                    double target = fastTroughFraction * dvdt[d];
                    for (int k = d; k < Math.min(next, dvdt.length); k++) {
                        if (dvdt[k] >= target) {
                            fastTrough = k;
                            break;
                        }
                    }
                }
                clipped = fastTrough < 0;
            }

            // trough (ipfx find_trough_indexes): argmin v over [peak, next); downstroke (ipfx
            // find_downstroke_indexes): argmin dV/dt over [peak, trough). NaN when clipped (spec 3).
            double troughV = Double.NaN;
            double downstroke = Double.NaN;
            if (!clipped) {
                int trough = SpikeDetection.argmin(v, pk, next);
                if (trough >= 0) {
                    troughV = v[trough];
                    int ds = SpikeDetection.argmin(dvdt, pk, trough);
                    if (ds >= 0) {
                        downstroke = dvdt[ds];
                    }
                }
            }

            double width = clipped ? Double.NaN : width(v, times, thr, pk, fastTrough);
            double upstroke = up >= 0 ? dvdt[up] : Double.NaN;
            out.add(new Spike(thr, times.t(thr), v[thr], pk, times.t(pk), v[pk], up, upstroke, troughV, downstroke,
                    fastTrough >= 0 ? times.t(fastTrough) : Double.NaN,
                    fastTrough >= 0 ? v[fastTrough] : Double.NaN, width, upstroke / -downstroke, clipped));
        }
        return out;
    }

    /**
     * ipfx {@code find_widths}, spec 3 "width": level = v_ft + (v_peak − v_ft) / 2, or
     * (v_thr + v_peak) / 2 when that level is below threshold; start = the first sample ≤ level
     * going back from the peak down to (not including) the threshold; end = the first sample
     * ≤ level going forward from the peak up to (not including) the fast trough (ipfx's slice
     * bounds); width = t[end] − t[start], no interpolation; NaN when either is missing.
     */
    static double width(double[] v, SampleTimes times, int thr, int pk, int fastTrough) {
        if (fastTrough < 0) {
            return Double.NaN;
        }
        double level = (v[pk] - v[fastTrough]) / 2. + v[fastTrough];
        if (level < v[thr]) {
            level = (v[pk] - v[thr]) / 2. + v[thr];
        }
        int start = SpikeDetection.searchBack(v, pk, thr, level);
        int end = -1;
        for (int k = pk; k < fastTrough; k++) {
            if (v[k] <= level) {
                end = k;
                break;
            }
        }
        if (start < 0 || end < 0) {
            return Double.NaN;
        }
        return times.t(end) - times.t(start);
    }
}
