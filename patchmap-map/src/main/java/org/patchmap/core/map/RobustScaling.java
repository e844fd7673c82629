package org.patchmap.core.map;

import java.util.Arrays;

/**
 * Robust scaling per feature: (x − median) / IQR over the cells that have the feature, an IQR of 0 taken as
 * 1 (a constant feature is only centred). Quantiles interpolate linearly, as numpy's default and
 * scikit-learn's RobustScaler. Fitted before imputation, on measured values only, so imputed values never
 * shift the scale and donors can be compared in common units.
 *
 * @param medians per feature
 * @param iqrs    per feature, never 0
 */
public record RobustScaling(double[] medians, double[] iqrs) {
    public RobustScaling {
        medians = medians.clone();
        iqrs = iqrs.clone();
    }

    /** Fits on rows with NaN for missing values; a feature no cell has gets median 0, IQR 1. */
    public static RobustScaling fit(double[][] rows, int features) {
        double[] med = new double[features];
        double[] iqr = new double[features];
        for (int f = 0; f < features; f++) {
            double[] col = new double[rows.length];
            int n = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[f])) {
                    col[n++] = row[f];
                }
            }
            double[] present = Arrays.copyOf(col, n);
            Arrays.sort(present);
            med[f] = n == 0 ? 0 : quantile(present, 0.5);
            double spread = n == 0 ? 0 : quantile(present, 0.75) - quantile(present, 0.25);
            iqr[f] = spread > 0 ? spread : 1;
        }
        return new RobustScaling(med, iqr);
    }

    /** The scaled copy of {@code row}; NaN stays NaN. */
    public double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int f = 0; f < row.length; f++) {
            out[f] = (row[f] - medians[f]) / iqrs[f];
        }
        return out;
    }

    /** Linear-interpolation quantile of sorted values (numpy's "linear"). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    @Override
    public double[] medians() {
        return medians.clone();
    }

    @Override
    public double[] iqrs() {
        return iqrs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RobustScaling r && Arrays.equals(medians, r.medians) && Arrays.equals(iqrs, r.iqrs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(medians) + Arrays.hashCode(iqrs);
    }

    @Override
    public String toString() {
        return "RobustScaling[medians=" + Arrays.toString(medians) + ", iqrs=" + Arrays.toString(iqrs) + "]";
    }
}
