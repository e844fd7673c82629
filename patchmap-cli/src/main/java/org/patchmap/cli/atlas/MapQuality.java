package org.patchmap.cli.atlas;

import smile.math.MathEx;
import smile.validation.metric.AdjustedRandIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well a map recovers known labels: neighbour purity, adjusted Rand index of clusters against labels,
 * the rank correlation of a value with the best straight direction across the map, and how one label's cells
 * sit together (an island). Labels and clusters are small non-negative ints. ARI and Spearman are Smile's.
 */
public final class MapQuality {
    private MapQuality() {
    }

    /**
     * The {@code k} nearest other points of each point in the plane (Euclidean), nearest first; equal distances
     * are ordered by index, so the answer does not depend on anything but the points. Exact, O(n²).
     */
    public static int[][] nearestInPlane(double[][] xy, int k) {
        int n = xy.length;
        int m = Math.min(k, n - 1);
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[n - 1];
            double[] d = new double[n];
            int o = 0;
            for (int j = 0; j < n; j++) {
                double dx = xy[i][0] - xy[j][0];
                double dy = xy[i][1] - xy[j][1];
                d[j] = dx * dx + dy * dy;
                if (j != i) {
                    order[o++] = j;
                }
            }
            Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
            out[i] = new int[m];
            for (int r = 0; r < m; r++) {
                out[i][r] = order[r];
            }
        }
        return out;
    }

    /** Per point, the fraction of its neighbours that share its label. */
    public static double[] purity(int[][] neighbours, int[] labels) {
        double[] out = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int same = 0;
            for (int j : neighbours[i]) {
                same += labels[j] == labels[i] ? 1 : 0;
            }
            out[i] = neighbours[i].length == 0 ? Double.NaN : (double) same / neighbours[i].length;
        }
        return out;
    }

    /** Mean of {@code values} over the points whose label is {@code label}; {@code label < 0}: over all. */
    public static double mean(double[] values, int[] labels, int label) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (label < 0 || labels[i] == label) {
                sum += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Adjusted Rand index (Hubert and Arabie 1985) of two labelings of the same points. */
    public static double adjustedRand(int[] a, int[] b) {
        return AdjustedRandIndex.of(a, b);
    }

    /** Spearman's rank correlation, ties given their mean rank. */
    public static double spearman(double[] a, double[] b) {
        return MathEx.spearman(a, b);
    }

    /**
     * The direction across the map along which {@code values} rise most monotonically.
     *
     * @param degrees angle of the direction from the x axis, counter-clockwise, 0..359
     * @param rho     Spearman's rho of the values with the points' positions along it
     * @param points  points that had a value
     */
    public record Gradient(int degrees, double rho, int points) {
    }

    /** Searched in 1° steps; points whose value is NaN are left out. */
    public static Gradient gradient(double[][] xy, double[] values) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                kept.add(i);
            }
        }
        double[] v = new double[kept.size()];
        double[] along = new double[kept.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[kept.get(i)];
        }
        int best = 0;
        double bestRho = Double.NEGATIVE_INFINITY;
        for (int deg = 0; deg < 360; deg++) {
            double c = Math.cos(Math.toRadians(deg));
            double s = Math.sin(Math.toRadians(deg));
            for (int i = 0; i < v.length; i++) {
                double[] p = xy[kept.get(i)];
                along[i] = c * p[0] + s * p[1];
            }
            double rho = spearman(along, v);
            if (rho > bestRho) {
                bestRho = rho;
                best = deg;
            }
        }
        return new Gradient(best, bestRho, v.length);
    }

    /**
     * How one label's points sit on the map.
     *
     * @param points            points with the label
     * @param neighbourFraction mean fraction of their neighbours that share the label
     * @param allNeighbours     fraction of them whose neighbours all share it
     * @param majorityCluster   the cluster most of them are in
     * @param inMajorityCluster fraction of them in that cluster
     * @param ownClusters       clusters where the label is the majority
     * @param inOwnClusters     fraction of them in those clusters
     * @param ownClusterPurity  fraction of the points in those clusters that have the label (NaN: none)
     */
    public record Island(int points, double neighbourFraction, double allNeighbours, int majorityCluster,
                         double inMajorityCluster, List<Integer> ownClusters, double inOwnClusters,
                         double ownClusterPurity) {
    }

    /** @param label a label that occurs in {@code labels} */
    public static Island island(int label, int[] labels, int[][] neighbours, int[] clusters) {
        int[][] table = contingency(clusters, labels);
        int k = table.length;
        double[] purity = purity(neighbours, labels);
        int points = 0;
        int all = 0;
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                points++;
                sum += purity[i];
                all += purity[i] == 1 ? 1 : 0;
            }
        }
        int majority = -1;
        List<Integer> own = new ArrayList<>();
        int inOwn = 0;
        int ownSize = 0;
        for (int c = 0; c < k; c++) {
            int[] row = table[c];
            if (majority < 0 || row[label] > table[majority][label]) {
                majority = c;
            }
            int size = Arrays.stream(row).sum();
            if (row[label] > 0 && firstMax(row) == label) {
                own.add(c);
                inOwn += row[label];
                ownSize += size;
            }
        }
        return new Island(points, points == 0 ? Double.NaN : sum / points,
                points == 0 ? Double.NaN : (double) all / points, majority,
                points == 0 ? Double.NaN : (double) table[majority][label] / points, own,
                points == 0 ? Double.NaN : (double) inOwn / points,
                ownSize == 0 ? Double.NaN : (double) inOwn / ownSize);
    }

    /** The label counted most often (the lowest on a tie). */
    private static int firstMax(int[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    /** Cluster × label counts. */
    public static int[][] contingency(int[] clusters, int[] labels) {
        int k = Arrays.stream(clusters).max().orElse(-1) + 1;
        int l = Arrays.stream(labels).max().orElse(-1) + 1;
        int[][] table = new int[k][l];
        for (int i = 0; i < labels.length; i++) {
            table[clusters[i]][labels[i]]++;
        }
        return table;
    }

    /** Label × label: row a, column b = how many neighbours of a-points have label b. */
    public static int[][] neighbourMix(int[][] neighbours, int[] labels) {
        int l = Arrays.stream(labels).max().orElse(-1) + 1;
        int[][] mix = new int[l][l];
        for (int i = 0; i < labels.length; i++) {
            for (int j : neighbours[i]) {
                mix[labels[i]][labels[j]]++;
            }
        }
        return mix;
    }
}
