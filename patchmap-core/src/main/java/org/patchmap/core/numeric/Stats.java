package org.patchmap.core.numeric;

import java.util.Arrays;

/**
 * The plain statistics the science shares: means, population standard deviation, medians and a
 * least-squares slope. Each sums in index order with one final division, so a result is the same
 * to the last bit wherever it is computed.
 *
 * <p>Two medians with different contracts:
 * <ul>
 *   <li>{@link #median(double[])} is numpy's median: it sorts a copy ({@link Arrays#sort(double[])}:
 *       −0.0 before 0.0, NaN last) and leaves its argument untouched. The features use it, for
 *       results that match ipfx.</li>
 *   <li>{@link #medianInPlace(double[], int)} selects the middle by quickselect and reorders its
 *       argument: no sort, no copy, for the many 1 ms blocks of a stimulus. It gives the same value
 *       for values without NaN, except that it treats −0.0 and 0.0 as equal (a zero median may carry
 *       either sign); a NaN among the values makes its result undefined.</li>
 * </ul>
 * {@code DoubleStream.average()} is not one of these means: it sums with compensation and can
 * differ in the last bits; callers that use it keep it.
 */
public final class Stats {
    private Stats() {
    }

    /** Mean of {@code v}; NaN when empty. */
    public static double mean(double[] v) {
        return mean(v, 0, v.length);
    }

    /** Mean of v[from, to); NaN when empty. */
    public static double mean(double[] v, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += v[k];
        }
        return sum / (to - from);
    }

    /** Mean of v at {@code indices} (in their order); NaN when there are none. */
    public static double meanAt(double[] v, int[] indices) {
        double sum = 0;
        for (int i : indices) {
            sum += v[i];
        }
        return sum / indices.length;
    }

    /** numpy's nanmean: the mean of the values that are not NaN; NaN when there are none. */
    public static double nanMean(double[] v) {
        double sum = 0;
        int count = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Population standard deviation of {@code v} (numpy's default, ddof 0); NaN when empty. */
    public static double populationStd(double[] v) {
        return populationStd(v, 0, v.length);
    }

    /** Population standard deviation of v[from, to) (numpy's default, ddof 0); NaN when empty. */
    public static double populationStd(double[] v, int from, int to) {
        double m = mean(v, from, to);
        if (Double.isNaN(m)) {
            return Double.NaN;
        }
        double ss = 0;
        for (int k = from; k < to; k++) {
            ss += (v[k] - m) * (v[k] - m);
        }
        return Math.sqrt(ss / (to - from));
    }

    /** Least-squares slope of y on x (numpy lstsq of [x, 1]); NaN when x is constant. */
    public static double slope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < n; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    /**
     * numpy's median of {@code v}: the middle value of a sorted copy, or the mean of the two middle
     * values; NaN when empty. {@code v} is left as it is.
     */
    public static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted, sorted.length);
    }

    /** The median of sorted[0, length), already in ascending order; NaN when empty. */
    public static double medianOfSorted(double[] sorted, int length) {
        if (length == 0) {
            return Double.NaN;
        }
        int m = length / 2;
        return length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** {@link #medianInPlace(double[], int)} of the whole of {@code a} (reordered). */
    public static double medianInPlace(double[] a) {
        return medianInPlace(a, a.length);
    }

    /**
     * The median of a[0, length) by selection, reordering those values; NaN when empty. See the
     * class comment for how it differs from {@link #median(double[])}.
     */
    public static double medianInPlace(double[] a, int length) {
        if (length == 0) {
            return Double.NaN;
        }
        double upper = select(a, length, length / 2);
        if (length % 2 == 1) {
            return upper;
        }
        // after select, a[0 .. length/2) are all ≤ upper: the lower middle is their maximum
        double lower = a[0];
        for (int j = 1; j < length / 2; j++) {
            lower = Math.max(lower, a[j]);
        }
        return (lower + upper) / 2;
    }

    /** The k-th smallest (from 0) of a[0, length), by Hoare quickselect, which reorders a. */
    public static double select(double[] a, int length, int kth) {
        int lo = 0;
        int hi = length - 1;
        while (hi > lo) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (kth <= j) {
                hi = j;
            } else if (kth >= i) {
                lo = i;
            } else {
                return a[kth];
            }
        }
        return a[kth];
    }
}
