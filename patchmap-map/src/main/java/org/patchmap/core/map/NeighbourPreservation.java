package org.patchmap.core.map;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How well a map keeps each cell's feature-space neighbours: the mean over cells of the share of its k
 * feature-space neighbours that are also among its k nearest cells on the map (Euclidean in 2-D).
 * <p>
 * Up to {@link #ALL_UP_TO} cells every cell is measured; above, a seeded sample of {@link #SAMPLE} cells is,
 * each against all cells (its exact cosine neighbours in feature space, its exact nearest on the map): n
 * times the sample instead of n² pairs, with a standard error near 0.002 on 5,000 cells.
 * docs/bench/umap_learn_compare.py draws the same sample, so both maps are measured on the same cells.
 */
public final class NeighbourPreservation {
    /** The largest map measured on every cell (the map's own neighbours are exact up to this size too). */
    public static final int ALL_UP_TO = KnnMethod.EXACT_UP_TO;
    /** Cells measured on a larger map. */
    public static final int SAMPLE = 5_000;
    /** Seed of the sample (fixed: the same cells for every map of the same size). */
    public static final long SAMPLE_SEED = 42;

    private NeighbourPreservation() {
    }

    /**
     * The measure and how many cells it was taken on.
     *
     * @param fraction mean share of kept neighbours
     * @param measured cells measured
     * @param cells    cells on the map
     */
    public record Measure(double fraction, int measured, int cells) {
        public boolean sampled() {
            return measured < cells;
        }
    }

    /**
     * {@code size} distinct indices of 0..n−1, ascending: the first of a partial Fisher–Yates shuffle whose
     * draws are {@code SplittableRandom(seed).nextLong()} taken unsigned modulo the remaining count (simple to
     * repeat outside Java).
     */
    public static int[] sample(int n, int size, long seed) {
        int m = Math.min(size, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + (int) Long.remainderUnsigned(random.nextLong(), n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] out = Arrays.copyOf(order, m);
        Arrays.sort(out);
        return out;
    }

    /**
     * The measure on the given cells only, each against all: its exact k nearest rows under the cosine
     * distance and its k nearest points in the plane (ties to the lower index, itself excluded).
     */
    public static double sampled(double[][] rows, double[][] xy, int k, int[] cells) {
        CosineKnn index = new CosineKnn(rows);
        int n = rows.length;
        int[][] feature = new int[cells.length][];
        int[][] map = new int[cells.length][];
        IntStream.range(0, cells.length).parallel().forEach(s -> {
            int i = cells[s];
            feature[s] = index.nearest(i, k).indices();
            map[s] = nearestInPlane(xy, i, Math.min(k, n - 1));
        });
        return fraction(feature, map);
    }

    /** Mean over rows of |a_i ∩ b_i| / |a_i| (each row's k neighbour indices, self excluded). */
    public static double fraction(int[][] featureNeighbours, int[][] mapNeighbours) {
        if (featureNeighbours.length != mapNeighbours.length) {
            throw new IllegalArgumentException("neighbour preservation: " + featureNeighbours.length
                    + " feature rows but " + mapNeighbours.length + " map rows");
        }
        double sum = 0;
        for (int i = 0; i < featureNeighbours.length; i++) {
            int shared = 0;
            for (int a : featureNeighbours[i]) {
                for (int b : mapNeighbours[i]) {
                    if (a == b) {
                        shared++;
                        break;
                    }
                }
            }
            sum += featureNeighbours[i].length == 0 ? 1 : (double) shared / featureNeighbours[i].length;
        }
        return featureNeighbours.length == 0 ? Double.NaN : sum / featureNeighbours.length;
    }

    /** Each point's k nearest other points in the plane (exact; ties to the lower index). */
    public static int[][] mapNeighbours(double[][] xy, int k) {
        int n = xy.length;
        int[][] out = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> out[i] = nearestInPlane(xy, i, Math.min(k, n - 1)));
        return out;
    }

    private static int[] nearestInPlane(double[][] xy, int i, int k) {
        TopK top = new TopK(k);
        double x = xy[i][0];
        double y = xy[i][1];
        for (int j = 0; j < xy.length; j++) {
            if (j != i) {
                double dx = x - xy[j][0];
                double dy = y - xy[j][1];
                double d2 = dx * dx + dy * dy;
                if (d2 <= top.worst()) { // most points are farther than the k-th: one comparison
                    top.offer(j, d2);
                }
            }
        }
        return top.indices();
    }

    /** Each row's k nearest others under the cosine distance, the map's feature-space metric. */
    public static int[][] featureNeighbours(double[][] rows, int k) {
        CosineKnn.KnnGraph g = new CosineKnn(rows).graph(k + 1);
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(g.indices()[i], 1, g.indices()[i].length);
        }
        return out;
    }

    /**
     * The measure for a built map: up to {@link #ALL_UP_TO} cells, every cell's reported neighbours (exact at
     * that size) against its k nearest on the map; above, {@link #sampled} on {@link #SAMPLE} seeded cells.
     */
    public static Measure of(MapResult map, int k) {
        int n = map.cells().size();
        if (n > ALL_UP_TO) {
            double[][] xy = new double[n][];
            for (int i = 0; i < n; i++) {
                xy[i] = new double[] {map.cells().get(i).x(), map.cells().get(i).y()};
            }
            int[] cells = sample(n, SAMPLE, SAMPLE_SEED);
            return new Measure(sampled(map.model().referenceRows(), xy, k, cells), cells.length, n);
        }
        java.util.Map<String, Integer> position = new java.util.HashMap<>(); // lookups only
        double[][] xy = new double[n][];
        for (int i = 0; i < n; i++) {
            position.put(map.cells().get(i).cellId(), i);
            xy[i] = new double[] {map.cells().get(i).x(), map.cells().get(i).y()};
        }
        int[][] feature = new int[n][];
        for (int i = 0; i < n; i++) {
            feature[i] = map.cells().get(i).neighbours().stream().limit(k)
                    .mapToInt(nb -> position.get(nb.cellId())).toArray();
        }
        return new Measure(fraction(feature, mapNeighbours(xy, k)), n, n);
    }
}
