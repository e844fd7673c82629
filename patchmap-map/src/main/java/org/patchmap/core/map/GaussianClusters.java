package org.patchmap.core.map;

import smile.math.MathEx;
import smile.math.matrix.Matrix;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Clusters of the map: Smile's Gaussian mixture EM (full covariances) fitted to the scaled features for every
 * size in a range, the size with the lowest BIC = −2 ln L + p ln n kept (p = k − 1 weights + k·d means +
 * k·d(d+1)/2 covariances; written out here rather than taking Smile's own score, so the direction and the
 * parameter count are plain). The start is Smile's own (k-means++ means, the data's covariance, equal
 * weights) but drawn here from a generator seeded by the map seed and the size, so the result depends on
 * neither Smile's thread-local generator nor scheduling; and EM stops as scikit-learn's does (100 iterations,
 * log-likelihood gain below 10⁻³ per cell) instead of Smile's 500 iterations to an absolute 10⁻⁴, which
 * took seconds per size for no visible change.
 * Clusters are numbered by decreasing size (ties: the cluster of the lower first cell), so numbers are stable
 * whatever order EM found the components in.
 *
 * @param labels per cell its cluster (0 = largest)
 * @param count  number of clusters
 * @param bic    per size tried (minClusters + index), the BIC, NaN where EM failed
 * @param minK   the first size tried
 */
public record GaussianClusters(int[] labels, int count, double[] bic, int minK) {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE_PER_CELL = 1e-3;
    /** Cells the size search runs on: EM over 24 sizes on all of 10,000 cells took half a minute. */
    static final int SEARCH_SAMPLE = 1500;

    /**
     * Sizes whose fit failed (e.g. a singular covariance on too few cells) are skipped. Above
     * {@link #SEARCH_SAMPLE} cells the sizes are compared on a seeded sample of that many cells, and the chosen
     * size is then fitted to all cells starting from its fit on the sample.
     */
    public static GaussianClusters fit(double[][] all, int minK, int maxK, long seed) {
        int n = all.length;
        int d = n == 0 ? 0 : all[0].length;
        double[][] rows = sample(all, seed);
        int m = rows.length;
        // a full covariance needs more than d cells per component to be estimable
        int top = Math.min(maxK, m / (2 * (d + 1)));
        if (top < Math.max(minK, 2)) {
            return new GaussianClusters(new int[n], n == 0 ? 0 : 1, new double[0], minK);
        }
        int sizes = top - minK + 1;
        MultivariateExponentialFamilyMixture[] fits = new MultivariateExponentialFamilyMixture[sizes];
        double[] bic = new double[sizes];
        IntStream.range(0, sizes).parallel().forEach(s -> {
            int k = minK + s;
            try {
                MultivariateExponentialFamilyMixture g = MultivariateExponentialFamilyMixture.fit(rows,
                        kMeansPlusPlus(rows, k, new SplittableRandom(Umap.mix(seed, 1000 + k))), 0.0, MAX_ITERATIONS,
                        TOLERANCE_PER_CELL * m);
                fits[s] = g;
                bic[s] = bic(g, rows, k, d);
            } catch (RuntimeException e) {
                bic[s] = Double.NaN;
            }
        });
        int best = -1;
        for (int s = 0; s < sizes; s++) {
            if (!Double.isNaN(bic[s]) && (best < 0 || bic[s] < bic[best])) {
                best = s;
            }
        }
        if (best < 0) {
            return new GaussianClusters(new int[n], 1, bic, minK);
        }
        MultivariateMixture model = fits[best];
        if (m < n) {
            try {
                model = MultivariateExponentialFamilyMixture.fit(all, fits[best].components, 0.0, MAX_ITERATIONS,
                        TOLERANCE_PER_CELL * n);
            } catch (RuntimeException e) {
                model = fits[best]; // EM on all cells failed: keep the sample's fit, still a valid model
            }
        }
        int[] raw = new int[n];
        for (int i = 0; i < n; i++) {
            raw[i] = model.map(all[i]);
        }
        return relabelled(raw, bic, minK);
    }

    private static double bic(MultivariateMixture g, double[][] rows, int k, int d) {
        double logL = 0;
        for (double[] x : rows) {
            logL += g.logp(x);
        }
        double params = (k - 1) + k * d + k * d * (d + 1) / 2.0;
        return Double.isFinite(logL) ? -2 * logL + params * Math.log(rows.length) : Double.NaN;
    }

    /** All rows when few, else a seeded sample of {@link #SEARCH_SAMPLE} in input order. */
    private static double[][] sample(double[][] all, long seed) {
        int n = all.length;
        if (n <= SEARCH_SAMPLE) {
            return all;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(Umap.mix(seed, 999));
        for (int i = 0; i < SEARCH_SAMPLE; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, SEARCH_SAMPLE);
        Arrays.sort(chosen);
        double[][] rows = new double[SEARCH_SAMPLE][];
        for (int i = 0; i < SEARCH_SAMPLE; i++) {
            rows[i] = all[chosen[i]];
        }
        return rows;
    }

    /** Smile's start: k-means++ means (D² sampling), each with the data's covariance, weights 1/k. */
    static MultivariateMixture.Component[] kMeansPlusPlus(double[][] rows, int k, SplittableRandom random) {
        int n = rows.length;
        Matrix cov = new Matrix(MathEx.cov(rows, MathEx.colMeans(rows)));
        MultivariateMixture.Component[] start = new MultivariateMixture.Component[k];
        double[] d2 = new double[n];
        java.util.Arrays.fill(d2, Double.MAX_VALUE);
        double[] centre = rows[random.nextInt(n)];
        for (int c = 0; c < k; c++) {
            start[c] = new MultivariateMixture.Component(1.0 / k,
                    new MultivariateGaussianDistribution(centre.clone(), cov.clone()));
            if (c == k - 1) {
                break;
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], MathEx.squaredDistance(rows[i], centre));
                total += d2[i];
            }
            double u = random.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                u -= d2[i];
                if (u < 0) {
                    pick = i;
                    break;
                }
            }
            centre = rows[pick];
        }
        return start;
    }

    private static GaussianClusters relabelled(int[] raw, double[] bic, int minK) {
        int k = Arrays.stream(raw).max().orElse(-1) + 1;
        int[] size = new int[k];
        int[] first = new int[k];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < raw.length; i++) {
            size[raw[i]]++;
            first[raw[i]] = Math.min(first[raw[i]], i);
        }
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (size[c] > 0) {
                used.add(c);
            }
        }
        used.sort((x, y) -> size[x] != size[y] ? Integer.compare(size[y], size[x]) : Integer.compare(first[x], first[y]));
        int[] number = new int[k];
        for (int r = 0; r < used.size(); r++) {
            number[used.get(r)] = r;
        }
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            labels[i] = number[raw[i]];
        }
        return new GaussianClusters(labels, used.size(), bic, minK);
    }

    /** The size BIC chose (the number of non-empty clusters can be smaller). */
    public int chosenSize() {
        int best = -1;
        for (int s = 0; s < bic.length; s++) {
            if (!Double.isNaN(bic[s]) && (best < 0 || bic[s] < bic[best])) {
                best = s;
            }
        }
        return best < 0 ? 1 : minK + best;
    }
}
