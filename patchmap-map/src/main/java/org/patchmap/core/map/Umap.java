package org.patchmap.core.map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * UMAP in 2 dimensions (McInnes et al. 2018), written here after umap-learn's optimize_layout_euclidean
 * because Smile's UMAP cannot serve the map: it keeps only the largest connected component of the kNN graph,
 * its spectral start needs native ARPACK, and its SGD draws from a shared random generator. Here:
 * <ul>
 *   <li>every connected component of the fuzzy graph is laid out on its own (negative samples from its own
 *       cells) and the components are then placed by a meta-layout, as umap-learn does: each at the position
 *       of its centroid on the first two principal axes, the whole pattern scaled up until no two components'
 *       bounding circles overlap, so no cell is dropped and no two components overlap;</li>
 *   <li>the start is the first two principal axes of the unit-length rows (what the cosine metric sees),
 *       rescaled to 0..10 per component as umap-learn rescales its start, plus 10⁻⁴ of seeded noise;</li>
 *   <li>each component's SGD runs on fixed blocks of cells with their own generators seeded from the map
 *       seed and the component number, and blocks see each other's moves only between epochs, so the same
 *       inputs give the same coordinates bit for bit on any machine and any number of cores.</li>
 * </ul>
 */
public final class Umap {
    private static final double START_RANGE = 10;
    private static final double START_NOISE = 1e-4;
    private static final double COMPONENT_GAP = 1.1;

    private Umap() {
    }

    /**
     * Map coordinates of a UMAP run.
     *
     * @param xy         per cell (x, y)
     * @param component  per cell its connected component of the fuzzy graph
     * @param components number of components
     */
    public record Embedding(double[][] xy, int[] component, int components) {
    }

    /**
     * @param rows the cells (scaled, imputed); their principal axes give the start
     * @param knn  their cosine kNN graph (self first), k = nNeighbors
     */
    public static Embedding embed(double[][] rows, CosineKnn.KnnGraph knn, MapParameters p) {
        int n = rows.length;
        FuzzyGraph graph = FuzzyGraph.of(knn);
        int[] comp = graph.components();
        int components = 0;
        for (int c : comp) {
            components = Math.max(components, c + 1);
        }
        double[][] start = principalStart(rows);
        UmapCurve curve = UmapCurve.fit(p.minDist(), p.spread());
        int epochs = p.epochsFor(n);
        double wmax = 0;
        for (double w : graph.weight()) {
            wmax = Math.max(wmax, w);
        }
        double[][] xy = new double[n][];
        int[][] members = members(comp, components);
        final double floor = wmax / epochs;
        final double wm = wmax;
        double[][] local = new double[components][];
        IntStream.range(0, components).parallel().forEach(c -> local[c] =
                layoutComponent(members[c], comp, c, graph, start, curve, epochs, wm, floor, p));
        if (components == 1) {
            for (int i = 0; i < n; i++) {
                xy[i] = new double[] {local[0][2 * i], local[0][2 * i + 1]};
            }
            return new Embedding(xy, comp, components);
        }
        metaLayout(members, local, start, xy);
        return new Embedding(xy, comp, components);
    }

    private static int[][] members(int[] comp, int components) {
        int[] size = new int[components];
        for (int c : comp) {
            size[c]++;
        }
        int[][] m = new int[components][];
        for (int c = 0; c < components; c++) {
            m[c] = new int[size[c]];
        }
        int[] fill = new int[components];
        for (int i = 0; i < comp.length; i++) {
            m[comp[i]][fill[comp[i]]++] = i;
        }
        return m;
    }

    /** One component's SGD (umap-learn's optimize_layout_euclidean, move_other, gamma = repulsion). */
    private static double[] layoutComponent(int[] cells, int[] comp, int c, FuzzyGraph g, double[][] start,
                                            UmapCurve curve, int epochs, double wmax, double floor,
                                            MapParameters p) {
        int m = cells.length;
        int[] localOf = new int[g.n()];
        for (int r = 0; r < m; r++) {
            localOf[cells[r]] = r;
        }
        SplittableRandom random = new SplittableRandom(mix(p.seed(), c));
        double[] emb = startOf(cells, start, random);
        int count = 0;
        for (int e = 0; e < g.edges(); e++) {
            if (comp[g.head()[e]] == c && g.weight()[e] >= floor) {
                count++;
            }
        }
        int[] head = new int[count];
        int[] tail = new int[count];
        float[] eps = new float[count];
        int k = 0;
        for (int e = 0; e < g.edges(); e++) {
            if (comp[g.head()[e]] == c && g.weight()[e] >= floor) {
                head[k] = localOf[g.head()[e]];
                tail[k] = localOf[g.tail()[e]];
                eps[k] = (float) (wmax / g.weight()[e]);
                k++;
            }
        }
        UmapSgd.optimise(emb, m, head, tail, eps, curve, epochs, p, random.nextLong());
        return emb;
    }

    private static double[] startOf(int[] cells, double[][] start, SplittableRandom random) {
        double[] emb = new double[2 * cells.length];
        for (int d = 0; d < 2; d++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i : cells) {
                lo = Math.min(lo, start[i][d]);
                hi = Math.max(hi, start[i][d]);
            }
            double scale = hi > lo ? START_RANGE / (hi - lo) : 0;
            for (int r = 0; r < cells.length; r++) {
                emb[2 * r + d] = (start[cells[r]][d] - lo) * scale + START_NOISE * gaussian(random);
            }
        }
        return emb;
    }

    /**
     * Each component at its centroid on the principal axes (or on a ring when two centroids coincide), the
     * pattern scaled so that no two bounding circles overlap.
     */
    private static void metaLayout(int[][] members, double[][] local, double[][] start, double[][] xy) {
        int components = members.length;
        double[][] centre = new double[components][2];
        double[] radius = new double[components];
        double[][] pos = new double[components][2];
        for (int c = 0; c < components; c++) {
            int m = members[c].length;
            for (int r = 0; r < m; r++) {
                centre[c][0] += local[c][2 * r] / m;
                centre[c][1] += local[c][2 * r + 1] / m;
                pos[c][0] += start[members[c][r]][0] / m;
                pos[c][1] += start[members[c][r]][1] / m;
            }
            for (int r = 0; r < m; r++) {
                radius[c] = Math.max(radius[c], Math.hypot(local[c][2 * r] - centre[c][0],
                        local[c][2 * r + 1] - centre[c][1]));
            }
        }
        double scale = scaleApart(pos, radius);
        if (!Double.isFinite(scale)) {
            for (int c = 0; c < components; c++) {
                double angle = 2 * Math.PI * c / components;
                pos[c][0] = Math.cos(angle);
                pos[c][1] = Math.sin(angle);
            }
            scale = scaleApart(pos, radius);
        }
        for (int c = 0; c < components; c++) {
            for (int r = 0; r < members[c].length; r++) {
                xy[members[c][r]] = new double[] {
                        scale * pos[c][0] + local[c][2 * r] - centre[c][0],
                        scale * pos[c][1] + local[c][2 * r + 1] - centre[c][1]};
            }
        }
    }

    /** The smallest factor that puts every pair of circles apart by COMPONENT_GAP, +∞ if two centres coincide. */
    private static double scaleApart(double[][] pos, double[] radius) {
        double scale = 0;
        for (int i = 0; i < pos.length; i++) {
            for (int j = i + 1; j < pos.length; j++) {
                double d = Math.hypot(pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
                if (d < 1e-12) {
                    return Double.POSITIVE_INFINITY;
                }
                scale = Math.max(scale, COMPONENT_GAP * (radius[i] + radius[j] + 1) / d);
            }
        }
        return scale;
    }

    /** The first two principal axes of the unit-length rows; each axis signed so its largest loading is positive. */
    static double[][] principalStart(double[][] rows) {
        int n = rows.length;
        int dims = rows.length == 0 ? 0 : rows[0].length;
        double[][] unit = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] u = CosineKnn.normalise(rows[i]);
            unit[i] = u == null ? new double[dims] : u;
        }
        double[] mean = mean(unit, dims);
        double[][] cov = covariance(unit, mean);
        double[][] axes = topAxes(cov, 2);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 2; d++) {
                double s = 0;
                for (int f = 0; f < dims; f++) {
                    s += (unit[i][f] - mean[f]) * axes[d][f];
                }
                out[i][d] = s;
            }
        }
        return out;
    }

    /** The mean of each of the {@code dims} columns of {@code rows}. */
    static double[] mean(double[][] rows, int dims) {
        double[] mean = new double[dims];
        for (double[] r : rows) {
            for (int f = 0; f < dims; f++) {
                mean[f] += r[f] / rows.length;
            }
        }
        return mean;
    }

    /** The scatter matrix of {@code rows} about {@code mean} (the covariance times n: the axes are the same). */
    static double[][] covariance(double[][] rows, double[] mean) {
        int dims = mean.length;
        double[][] cov = new double[dims][dims];
        for (double[] r : rows) {
            for (int f = 0; f < dims; f++) {
                for (int g = f; g < dims; g++) {
                    cov[f][g] += (r[f] - mean[f]) * (r[g] - mean[g]);
                }
            }
        }
        for (int f = 0; f < dims; f++) {
            for (int g = 0; g < f; g++) {
                cov[f][g] = cov[g][f];
            }
        }
        return cov;
    }

    /** The {@code count} eigenvectors of a symmetric matrix with the largest eigenvalues, sign-fixed. */
    static double[][] topAxes(double[][] symmetric, int count) {
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(symmetric, false));
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> x.equals(y) ? 0
                : values[x] != values[y] ? Double.compare(values[y], values[x]) : Integer.compare(x, y));
        double[][] axes = new double[count][];
        for (int d = 0; d < count; d++) {
            double[] v = d < order.length ? eig.getEigenvector(order[d]).toArray() : new double[symmetric.length];
            int big = 0;
            for (int f = 1; f < v.length; f++) {
                if (Math.abs(v[f]) > Math.abs(v[big])) {
                    big = f;
                }
            }
            if (v.length > 0 && v[big] < 0) {
                for (int f = 0; f < v.length; f++) {
                    v[f] = -v[f];
                }
            }
            axes[d] = v;
        }
        return axes;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller on SplittableRandom: java.util.Random's nextGaussian caches state between calls
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static long mix(long seed, long salt) {
        long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
