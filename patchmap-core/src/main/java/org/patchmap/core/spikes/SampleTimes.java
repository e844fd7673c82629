package org.patchmap.core.spikes;

/**
 * Sample times as ipfx builds them ({@code t = np.arange(n) * dt}, dt = 1 / rate) and ipfx's
 * {@code find_time_index}: the nearest sample, ties to the earlier one (numpy's argmin). Unlike
 * ipfx, which asserts, a time before the sweep maps to its first sample and one after it to its
 * last. Spike comparisons such as "peak − threshold ≥ 5 ms" use these times, so that a
 * comparison sitting exactly on a sample boundary falls the way it falls in ipfx.
 */
record SampleTimes(double dt, int n) {
    static SampleTimes of(double samplingRateHz, int n) {
        return new SampleTimes(1.0 / samplingRateHz, n);
    }

    /** t[k] = k · dt, s. */
    double t(int k) {
        return k * dt;
    }

    /** {@code find_time_index(t, timeS)}, clipped to [0, n − 1]. */
    int index(double timeS) {
        if (n == 0) {
            return 0;
        }
        if (!(timeS > 0)) {
            return 0;
        }
        if (timeS >= t(n - 1)) {
            return n - 1;
        }
        int lo = (int) Math.floor(timeS / dt);
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = Math.max(0, lo - 1); k <= Math.min(n - 1, lo + 2); k++) {
            double d = Math.abs(t(k) - timeS);
            if (d < bestD) { // strict: ties stay with the earlier sample
                bestD = d;
                best = k;
            }
        }
        return best;
    }
}
