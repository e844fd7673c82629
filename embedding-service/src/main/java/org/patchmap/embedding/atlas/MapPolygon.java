package org.patchmap.embedding.atlas;

import java.util.Arrays;

/**
 * A polygon in map coordinates (a lasso on the map) and which points it holds, by the even-odd rule: a point is
 * inside when a ray from it towards +x crosses the edges an odd number of times (the polygon closes itself; its
 * edges may cross). A point exactly on the boundary gets the answer of a point an infinitesimal step to its right
 * (and a far smaller one up): the left and bottom edges of a square hold their points, the right and top ones do
 * not, so polygons that share an edge never both hold a point of it.
 *
 * <p>Hand-written (a dozen lines) rather than taken from a geometry library: it is the crossing test web scatter
 * plots use for their lasso (W. R. Franklin's PNPOLY), with the same operations in the same order, so a page that
 * tests the same float32 positions against the same vertices selects exactly the same cells.
 */
public final class MapPolygon {
    /** Fewest vertices of a polygon. */
    public static final int MIN_VERTICES = 3;
    private final double[] xs;
    private final double[] ys;

    private MapPolygon(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /**
     * @param xy the vertices as {@code x1, y1, x2, y2, ...}
     * @throws IllegalArgumentException for an odd count, fewer than {@value #MIN_VERTICES} vertices or a value
     *                                  that is not finite
     */
    public static MapPolygon of(double... xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException(xy.length + " numbers, not x,y pairs");
        }
        if (xy.length / 2 < MIN_VERTICES) {
            throw new IllegalArgumentException(xy.length / 2 + " vertices, at least " + MIN_VERTICES + " needed");
        }
        double[] xs = new double[xy.length / 2];
        double[] ys = new double[xy.length / 2];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = xy[2 * k];
            ys[k] = xy[2 * k + 1];
            if (!Double.isFinite(xs[k]) || !Double.isFinite(ys[k])) {
                throw new IllegalArgumentException("vertex " + (k + 1) + " is (" + xs[k] + ", " + ys[k]
                        + "), not finite");
            }
        }
        return new MapPolygon(xs, ys);
    }

    public int vertices() {
        return xs.length;
    }

    /** Whether the polygon holds the point ({@code px}, {@code py}), by the even-odd rule above. */
    public boolean contains(double px, double py) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > py) != (ys[j] > py) && px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    @Override
    public String toString() {
        double[] xy = new double[2 * xs.length];
        for (int k = 0; k < xs.length; k++) {
            xy[2 * k] = xs[k];
            xy[2 * k + 1] = ys[k];
        }
        return "MapPolygon" + Arrays.toString(xy);
    }
}
