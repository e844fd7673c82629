package org.patchmap.core.features;

import org.patchmap.core.numeric.Stats;
import org.patchmap.core.sweep.Sweep;

/**
 * Times to samples and window statistics, spec section 5, first bullet: a window [a, b) is the
 * half-open index range [idx(a), idx(b)), idx = the nearest sample (ties to the earlier one,
 * as ipfx's {@code find_time_index}); a time before the sweep is clipped to its first sample,
 * a time after it to its last. Sample k is at k / samplingRate s.
 */
final class SweepWindow {
    private SweepWindow() {
    }

    /** Nearest sample to {@code timeS} in a trace of {@code n} samples at {@code rateHz}. */
    static int index(double timeS, double rateHz, int n) {
        if (n == 0) {
            return 0;
        }
        double x = timeS * rateHz;
        if (!(x > 0)) {
            return 0; // before the sweep (or NaN): clipped to the start
        }
        if (x >= n - 1) {
            return n - 1;
        }
        int lo = (int) Math.floor(x);
        double dLo = Math.abs(lo / rateHz - timeS);
        double dHi = Math.abs((lo + 1) / rateHz - timeS);
        return dHi < dLo ? lo + 1 : lo;
    }

    static int index(Sweep sweep, double timeS) {
        return index(timeS, sweep.samplingRateHz(), sweep.voltageMv().length);
    }

    static double time(Sweep sweep, int index) {
        return index / sweep.samplingRateHz();
    }

    /** Mean v over the time window [aS, bS); NaN when empty. */
    static double mean(Sweep sweep, double aS, double bS) {
        return Stats.mean(sweep.voltageMv(), index(sweep, aS), index(sweep, bS));
    }

    /** Index of the first minimum of v[from, to); -1 when empty. */
    static int argmin(double[] v, int from, int to) {
        int best = -1;
        for (int k = from; k < to; k++) {
            if (best < 0 || v[k] < v[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Index of the first maximum of v[from, to); -1 when empty. */
    static int argmax(double[] v, int from, int to) {
        int best = -1;
        for (int k = from; k < to; k++) {
            if (best < 0 || v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }
}
