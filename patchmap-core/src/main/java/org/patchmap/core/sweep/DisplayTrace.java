package org.patchmap.core.sweep;

import java.util.Arrays;

/**
 * A sweep thinned for drawing: the sweep cut into buckets of consecutive samples, each bucket
 * represented by its minimum and its maximum (so a spike or a step edge never disappears, as it
 * would with every-n-th-sample decimation), and one stretch, the first action potential, kept
 * sample for sample. About 2,000 points draw a sweep on any screen; the stored traces remain the
 * reference for analysis.
 *
 * @param sweepNumber    the sweep's number (as in {@link Sweep})
 * @param name           the sweep's name
 * @param samplingRateHz the original sampling rate: a point's time is {@code index / samplingRateHz}
 * @param samples        the original number of samples
 * @param voltageMv      the voltage points kept
 * @param currentPa      the current points kept (min and max per bucket; no full-resolution stretch)
 * @param fullFrom       first sample kept at full resolution in the voltage (the first AP), or -1
 * @param fullTo         end (exclusive) of that stretch, or -1
 */
public record DisplayTrace(int sweepNumber, String name, double samplingRateHz, int samples, Points voltageMv,
                           Points currentPa, int fullFrom, int fullTo) {
    /** Points per sweep the services draw with (per channel, before the full-resolution stretch). */
    public static final int DEFAULT_POINTS = 2000;

    /**
     * Some samples of one channel.
     *
     * @param index  sample indices, strictly increasing
     * @param values the samples at those indices
     */
    public record Points(int[] index, double[] values) {
        public Points {
            if (index.length != values.length) {
                throw new IllegalArgumentException(index.length + " indices but " + values.length + " values");
            }
        }

        public int size() {
            return index.length;
        }
    }

    /**
     * Thins {@code sweep} to at most {@code points} points per channel (two per bucket, three
     * when a bucket also holds a NaN gap, which is kept so a line breaks there), plus the samples
     * of [{@code fullFrom}, {@code fullTo}) of the voltage at full resolution ({@code -1, -1}: none).
     */
    public static DisplayTrace of(Sweep sweep, int points, int fullFrom, int fullTo) {
        if (points < 2) {
            throw new IllegalArgumentException("a display needs at least 2 points per sweep, got " + points);
        }
        int n = sweep.voltageMv().length;
        int from = fullFrom < 0 ? 0 : Math.min(fullFrom, n);
        int to = fullFrom < 0 ? 0 : Math.max(from, Math.min(fullTo, n));
        return new DisplayTrace(sweep.sweepNumber(), sweep.name(), sweep.samplingRateHz(), n,
                minMax(sweep.voltageMv(), points / 2, from, to), minMax(sweep.currentPa(), points / 2, 0, 0),
                to > from ? from : -1, to > from ? to : -1);
    }

    /**
     * Each bucket's minimum and maximum (and first NaN) of {@code x}, with every sample of
     * [{@code keepFrom}, {@code keepTo}) kept; all samples when there are no more than 2 per bucket.
     */
    static Points minMax(double[] x, int buckets, int keepFrom, int keepTo) {
        int n = x.length;
        if (n <= 2L * buckets) {
            return new Points(range(0, n), x.clone());
        }
        // a bucket cut by the kept stretch flushes twice: at most 6 extra points
        int[] kept = new int[3 * buckets + Math.max(0, keepTo - keepFrom) + 6];
        int m = 0;
        for (int b = 0; b < buckets; b++) {
            int start = (int) ((long) b * n / buckets);
            int end = (int) ((long) (b + 1) * n / buckets);
            int keptFrom = Math.max(start, keepFrom);
            int keptTo = Math.min(end, keepTo);
            if (keptFrom >= keptTo) {
                m = extremes(x, start, end, kept, m);
                continue;
            }
            m = extremes(x, start, keptFrom, kept, m);
            for (int k = keptFrom; k < keptTo; k++) {
                kept[m++] = k;
            }
            m = extremes(x, keptTo, end, kept, m);
        }
        int[] index = Arrays.copyOf(kept, m);
        double[] values = new double[m];
        for (int k = 0; k < m; k++) {
            values[k] = x[index[k]];
        }
        return new Points(index, values);
    }

    /**
     * Appends the indices of the first minimum, first maximum and first NaN of x[from, to) (see
     * {@link #flush}). The loop keeps the extremes in locals: it runs over every sample of every sweep.
     */
    private static int extremes(double[] x, int from, int to, int[] kept, int m) {
        int min = -1;
        int max = -1;
        int nan = -1;
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (int k = from; k < to; k++) {
            double v = x[k];
            if (v != v) {
                nan = nan < 0 ? k : nan;
            } else if (min < 0) {
                min = max = k;
                lo = hi = v;
            } else if (v < lo) {
                min = k;
                lo = v;
            } else if (v > hi) {
                max = k;
                hi = v;
            }
        }
        return flush(kept, m, min, max, nan);
    }

    /** Appends the distinct indices among min, max and nan (-1: none) in increasing order. */
    private static int flush(int[] kept, int m, int min, int max, int nan) {
        int[] three = {min, max, nan};
        Arrays.sort(three);
        int last = m > 0 ? kept[m - 1] : -1;
        for (int k : three) {
            if (k >= 0 && k > last) {
                kept[m++] = k;
                last = k;
            }
        }
        return m;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int k = 0; k < r.length; k++) {
            r[k] = from + k;
        }
        return r;
    }
}
