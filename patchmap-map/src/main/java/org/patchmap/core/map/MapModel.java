package org.patchmap.core.map;

/**
 * What a map fitted and what placing a new cell against it needs: the scaling, the reference cells' scaled
 * features (as measured, NaN = missing, for imputation; and imputed, for distances), their dandisets, map
 * positions and clusters. Arrays are copied in and never handed out, so nothing outside can move a
 * reference cell.
 */
public final class MapModel {
    private final RobustScaling scaling;
    private final double[][] measured;
    private final double[][] imputed;
    private final String[] dandisets;
    private final double[][] xy;
    private final int[] clusters;
    private final int clusterCount;

    MapModel(RobustScaling scaling, double[][] measured, double[][] imputed, String[] dandisets, double[][] xy,
             int[] clusters, int clusterCount) {
        this.scaling = scaling;
        this.measured = deepCopy(measured);
        this.imputed = deepCopy(imputed);
        this.dandisets = dandisets.clone();
        this.xy = deepCopy(xy);
        this.clusters = clusters.clone();
        this.clusterCount = clusterCount;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    public RobustScaling scaling() {
        return scaling;
    }

    public int size() {
        return imputed.length;
    }

    /** A copy of the reference cells' scaled, imputed features, in map order. */
    public double[][] referenceRows() {
        return deepCopy(imputed);
    }

    public int clusterCount() {
        return clusterCount;
    }

    // package-private views for the placer, never modified there
    double[][] measuredRows() {
        return measured;
    }

    double[][] imputedRows() {
        return imputed;
    }

    String[] dandisetArray() {
        return dandisets;
    }

    double[][] positions() {
        return xy;
    }

    int[] clusterArray() {
        return clusters;
    }
}
