package org.patchmap.core.map;

import java.util.stream.IntStream;

/**
 * How well a map keeps each cell's feature-space neighbours: the mean over cells of the share of its k
 * feature-space neighbours that are also among its k nearest cells on the map (Euclidean in 2-D).
 */
public final class NeighbourPreservation {
    private NeighbourPreservation() {
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
        IntStream.range(0, n).parallel().forEach(i -> {
            TopK top = new TopK(Math.min(k, n - 1));
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dx = xy[i][0] - xy[j][0];
                    double dy = xy[i][1] - xy[j][1];
                    top.offer(j, dx * dx + dy * dy);
                }
            }
            out[i] = top.indices();
        });
        return out;
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

    /** The measure for a built map: its cells' reported neighbours against their k nearest on the map. */
    public static double of(MapResult map, int k) {
        int n = map.cells().size();
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
        return fraction(feature, mapNeighbours(xy, k));
    }
}
