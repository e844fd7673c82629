package org.patchmap.core.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Fills missing map features from the nearest cells: for each missing
 * feature, the mean of that feature over the k nearest donor cells that have it, donors from the cell's own
 * dandiset first and, when it has fewer than k, the nearest of the others after them. Distances are
 * scikit-learn's nan_euclidean in scaled units: over the features both cells have, scaled up by
 * features / shared features, so a donor missing features of its own is not unfairly near.
 */
public final class NearestCellImputer {
    private NearestCellImputer() {
    }

    /** A copy of every row with its NaN filled from the other rows (rows are scaled, NaN = missing). */
    public static double[][] imputeAll(double[][] rows, String[] dandisets, int k) {
        Map<String, int[]> groups = groups(dandisets);
        double[][] out = new double[rows.length][];
        IntStream.range(0, rows.length).parallel().forEach(i -> {
            int[] group = dandisets[i] == null ? null : groups.get(dandisets[i]);
            out[i] = impute(rows[i], dandisets[i], rows, dandisets, k, i, group);
        });
        return out;
    }

    /**
     * A copy of {@code row} with its NaN filled from {@code donors} (scaled rows; NaN = missing), never from
     * donor {@code self} (−1 for none). A feature no donor has stays NaN.
     */
    public static double[] impute(double[] row, String dandiset, double[][] donors, String[] donorDandisets, int k,
                                  int self) {
        return impute(row, dandiset, donors, donorDandisets, k, self, null);
    }

    /**
     * @param group the donors of the cell's dandiset (ascending), or null to look through all: when they hold
     *              k donors for every missing feature, no other donor can be chosen, so the others are skipped
     */
    private static double[] impute(double[] row, String dandiset, double[][] donors, String[] donorDandisets, int k,
                                   int self, int[] group) {
        double[] out = row.clone();
        if (group != null) {
            fill(out, row, dandiset, donors, donorDandisets, k, self, group);
            boolean done = true;
            for (double v : out) {
                done &= !Double.isNaN(v);
            }
            if (done) {
                return out;
            }
            out = row.clone();
        }
        fill(out, row, dandiset, donors, donorDandisets, k, self, null);
        return out;
    }

    /** Fills what it can; with a group, only from that group and only features with k donors there. */
    private static void fill(double[] out, double[] row, String dandiset, double[][] donors, String[] donorDandisets,
                             int k, int self, int[] group) {
        double[] dist = null;
        int m = group == null ? donors.length : group.length;
        for (int f = 0; f < row.length; f++) {
            if (!Double.isNaN(row[f])) {
                continue;
            }
            if (dist == null) {
                dist = new double[m];
                for (int r = 0; r < m; r++) {
                    int j = group == null ? r : group[r];
                    dist[r] = j == self ? Double.POSITIVE_INFINITY : nanEuclidean(row, donors[j]);
                }
            }
            TopK same = new TopK(k);
            TopK other = new TopK(k);
            for (int r = 0; r < m; r++) {
                int j = group == null ? r : group[r];
                if (j == self || Double.isNaN(donors[j][f]) || Double.isInfinite(dist[r])) {
                    continue;
                }
                boolean sameSet = dandiset != null && Objects.equals(dandiset, donorDandisets[j]);
                (sameSet ? same : other).offer(j, dist[r]);
            }
            if (group != null && !same.full()) {
                continue; // too few in the dandiset: the caller looks through all donors
            }
            double sum = 0;
            int n = 0;
            for (int r = 0; r < same.size() && n < k; r++, n++) {
                sum += donors[same.index(r)][f];
            }
            for (int r = 0; r < other.size() && n < k; r++, n++) {
                sum += donors[other.index(r)][f];
            }
            out[f] = n == 0 ? Double.NaN : sum / n;
        }
    }

    /** Row indices per dandiset, ascending. */
    private static Map<String, int[]> groups(String[] dandisets) {
        Map<String, List<Integer>> lists = new HashMap<>(); // lookups only, never iterated for output
        for (int i = 0; i < dandisets.length; i++) {
            if (dandisets[i] != null) {
                lists.computeIfAbsent(dandisets[i], x -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> groups = new HashMap<>();
        lists.forEach((d, l) -> groups.put(d, l.stream().mapToInt(Integer::intValue).toArray()));
        return groups;
    }

    private static double[] distances(double[] row, double[][] donors, int self) {
        double[] d = new double[donors.length];
        for (int j = 0; j < donors.length; j++) {
            d[j] = j == self ? Double.POSITIVE_INFINITY : nanEuclidean(row, donors[j]);
        }
        return d;
    }

    /** scikit-learn's nan_euclidean_distances: +∞ when the two rows share no feature. */
    static double nanEuclidean(double[] a, double[] b) {
        double sum = 0;
        int shared = 0;
        for (int f = 0; f < a.length; f++) {
            double x = a[f] - b[f];
            if (!Double.isNaN(x)) {
                sum += x * x;
                shared++;
            }
        }
        return shared == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(sum * a.length / shared);
    }
}
