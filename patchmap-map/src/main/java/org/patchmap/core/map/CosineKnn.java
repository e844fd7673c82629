package org.patchmap.core.map;

import java.util.stream.IntStream;

/**
 * Exact k-nearest neighbours under the cosine distance 1 − cos(a, b) (Smile has no cosine distance; and
 * exact search is what the 10,000-cell target allows: one pass over n² pairs of 16 numbers takes well under
 * a second). Each row is searched on its own, so the parallel search gives the same graph on any number of
 * threads. A row of zeros (a cell at the median of every feature) is at distance 1 from every other row and
 * 0 from another zero row, as scipy and pynndescent define it.
 */
public final class CosineKnn {
    private final int dims;
    private final double[] unit; // row-major unit vectors
    private final boolean[] zero;

    /** Index over {@code rows} (no NaN). */
    public CosineKnn(double[][] rows) {
        dims = rows.length == 0 ? 0 : rows[0].length;
        unit = new double[rows.length * dims];
        zero = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] u = normalise(rows[i]);
            zero[i] = u == null;
            if (u != null) {
                System.arraycopy(u, 0, unit, i * dims, dims);
            }
        }
    }

    public int size() {
        return zero.length;
    }

    /** Unit vector of {@code row}, or null for a row of zeros. */
    static double[] normalise(double[] row) {
        double norm = 0;
        for (double x : row) {
            norm += x * x;
        }
        if (norm == 0) {
            return null;
        }
        double s = 1 / Math.sqrt(norm);
        double[] u = new double[row.length];
        for (int f = 0; f < row.length; f++) {
            u[f] = row[f] * s;
        }
        return u;
    }

    /** Cosine distance from a query's unit vector (null = zero row) to row j. */
    double distance(double[] queryUnit, int j) {
        if (queryUnit == null || zero[j]) {
            return queryUnit == null && zero[j] ? 0 : 1;
        }
        return Math.max(0, 1 - dot(queryUnit, 0, unit, j * dims, dims));
    }

    /** Cosine distance between rows i and j (the same bits as {@link #distance(double[], int)} on row i). */
    double distance(int i, int j) {
        if (zero[i] || zero[j]) {
            return zero[i] && zero[j] ? 0 : 1;
        }
        return Math.max(0, 1 - dot(i, j));
    }

    /** Whether row i is all zeros (no direction). */
    boolean isZero(int i) {
        return zero[i];
    }

    /** The unit rows in single precision, row-major ({@link #dims()} per row; zeros for a zero row). */
    float[] unitFloats() {
        float[] out = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = (float) unit[i];
        }
        return out;
    }

    int dims() {
        return dims;
    }

    /** Dot product of the unit rows i and j (0 for a zero row). */
    double dot(int i, int j) {
        return dot(unit, i * dims, unit, j * dims, dims);
    }

    /**
     * x · y over {@code dims} values from the given offsets, in four interleaved partial sums: one running sum
     * makes each addition wait for the one before, and this dot product is nearly all of the kNN search.
     */
    private static double dot(double[] x, int a, double[] y, int b, int dims) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int f = 0;
        for (; f + 3 < dims; f += 4) {
            s0 += x[a + f] * y[b + f];
            s1 += x[a + f + 1] * y[b + f + 1];
            s2 += x[a + f + 2] * y[b + f + 2];
            s3 += x[a + f + 3] * y[b + f + 3];
        }
        for (; f < dims; f++) {
            s0 += x[a + f] * y[b + f];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private double[] unitRow(int i) {
        if (zero[i]) {
            return null;
        }
        double[] u = new double[dims];
        System.arraycopy(unit, i * dims, u, 0, dims);
        return u;
    }

    /** The k nearest rows to row i other than i itself, nearest first. */
    TopK nearest(int i, int k) {
        double[] q = unitRow(i);
        TopK top = new TopK(Math.min(k, size() - 1));
        if (top.full()) {
            return top;
        }
        for (int j = 0; j < size(); j++) {
            if (j != i) {
                top.offer(j, distance(q, j));
            }
        }
        return top;
    }

    /** The k nearest rows to a new row (not in the index), nearest first. */
    TopK nearest(double[] row, int k) {
        double[] q = normalise(row);
        TopK top = new TopK(Math.min(k, size()));
        for (int j = 0; j < size(); j++) {
            top.offer(j, distance(q, j));
        }
        return top;
    }

    /**
     * The kNN graph as umap-learn builds it: each row's k nearest with the row itself first (distance 0),
     * then its k − 1 nearest others.
     */
    public KnnGraph graph(int k) {
        int n = size();
        int kk = Math.min(k, n);
        int[][] idx = new int[n][];
        double[][] dist = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            TopK top = nearest(i, kk - 1);
            idx[i] = new int[top.size() + 1];
            dist[i] = new double[top.size() + 1];
            idx[i][0] = i;
            for (int r = 0; r < top.size(); r++) {
                idx[i][r + 1] = top.index(r);
                dist[i][r + 1] = top.distance(r);
            }
        });
        return new KnnGraph(idx, dist);
    }

    /**
     * Each row's k nearest neighbours, self first.
     *
     * @param indices   per row, neighbour indices (self first)
     * @param distances per row, the matching distances
     */
    public record KnnGraph(int[][] indices, double[][] distances) {
    }
}
