package org.patchmap.core.map;

import smile.math.MathEx;
import smile.math.matrix.Matrix;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
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
 * parameter count are plain).
 * <p>
 * The mixture is fitted to the rows standardised (each feature divided by its standard deviation over the
 * cells). Robust scaling leaves a feature that is nearly constant in most cells hundreds of IQRs wide (sag is
 * ≈ 0 outside sag-rich cells), so Euclidean k-means++ on those rows draws its starting means along that one
 * feature. A full-covariance likelihood changes only by a constant under such a rescaling, but Smile's E-step
 * works with densities, not their logarithms, and on the unstandardised rows gave other clusters (17 against
 * 10 on the demo atlas). Each M-step adds {@link #COVARIANCE_FLOOR} to the covariance diagonal (scikit-learn's
 * {@code reg_covar}), so that no component can shrink onto cells that share one step of a stepped feature
 * (rheobase). Smile's EM loop can stop well short of the likelihood's optimum; a plain loop fitted better but
 * followed the simulated types no better and took five times as long (docs/benchmarks.md).
 * <p>
 * Where EM ends depends on its start, so each size gets {@link #STARTS} k-means++ starts (Smile's own:
 * means by D² sampling, the data's covariance, equal weights) and keeps the one with the highest likelihood,
 * as scikit-learn's {@code n_init}. Each start's generator is seeded by the map seed, the size and the start's
 * index, so the result depends on neither Smile's thread-local generator nor scheduling. EM stops as
 * scikit-learn's does (100 iterations, log-likelihood gain below 10⁻³ per cell) instead of Smile's 500
 * iterations to an absolute 10⁻⁴, which took seconds per size for no visible change.
 * Clusters are numbered by decreasing size (ties: the cluster of the lower first cell), so numbers are stable
 * whatever order EM found the components in.
 *
 * @param labels per cell its cluster (0 = largest)
 * @param count  number of clusters
 * @param bic    per size (minClusters + index), the BIC; NaN where EM failed or the search had stopped
 * @param minK   the first size tried
 */
public record GaussianClusters(int[] labels, int count, double[] bic, int minK) {
    private static final int MAX_ITERATIONS = 100;
    /**
     * EM starts per size; the fit with the highest likelihood is kept. Four is the fewest that kept every seed
     * tried on the 595 simulated cells of the demo atlas (1 to 7 and 42) at an ARI of 0.5 or more against the
     * types: 0.53 to 0.67 with four, down to 0.35 with one or two and 0.43 with three. The size search takes
     * about three times as long as with one start (2.3 s against 0.8 s on 10,000 cells).
     */
    static final int STARTS = 4;
    /**
     * Added to every component's covariance diagonal in each M-step, in standardised units: no component is
     * narrower than 1 % of a feature's spread over all cells.
     */
    static final double COVARIANCE_FLOOR = 1e-4;
    private static final double TOLERANCE_PER_CELL = 1e-3;
    /**
     * The search stops once this many sizes past the lowest BIC have not lowered it: larger sizes cost the
     * most (EM's work grows with the size). Measured (`bin/patchmap map` on the demo atlas tables of
     * docs/benchmarks.md): with 5, 600 cells keep their 9 clusters (ARI 0.64 against the types), 2,000 cells
     * get 9 instead of 16 (ARI 0.60 against 0.54) in 7.6 s instead of 12.7 s; with 3, the 600 cells stopped at
     * a local minimum, 4 clusters (ARI 0.26). On bench-map's 10,000 synthetic cells the same 5 clusters in
     * 0.64 s instead of 1.9 s.
     */
    static final int PATIENCE = 5;
    /** Sizes fitted at once (their starts in parallel) between two checks of {@link #PATIENCE}. */
    private static final int SIZES_AT_ONCE = 2;
    /** Cells the size search runs on: EM over 24 sizes on all of 10,000 cells took half a minute. */
    static final int SEARCH_SAMPLE = 1500;

    /**
     * Sizes are tried in increasing order until {@link #PATIENCE} sizes past the lowest BIC so far have not
     * lowered it. Sizes whose fit failed (e.g. a singular covariance on too few cells) are skipped. Above
     * {@link #SEARCH_SAMPLE} cells the sizes are compared on a seeded sample of that many cells, and the chosen
     * size is then fitted to all cells starting from its fit on the sample.
     */
    public static GaussianClusters fit(double[][] input, int minK, int maxK, long seed) {
        int n = input.length;
        int d = n == 0 ? 0 : input[0].length;
        double[][] all = standardised(input);
        double[][] rows = pick(all, sample(n, seed));
        int m = rows.length;
        // a full covariance needs more than d cells per component to be estimable
        int top = Math.min(maxK, m / (2 * (d + 1)));
        if (top < Math.max(minK, 2)) {
            return new GaussianClusters(new int[n], n == 0 ? 0 : 1, new double[0], minK);
        }
        int sizes = top - minK + 1;
        MultivariateExponentialFamilyMixture[] fits = new MultivariateExponentialFamilyMixture[sizes];
        double[] bic = new double[sizes];
        Arrays.fill(bic, Double.NaN);
        // sizes in order, a few at a time, up to the first size PATIENCE past the lowest BIC before it; sizes
        // fitted beyond that one are dropped, so the result does not depend on SIZES_AT_ONCE
        search:
        for (int from = 0; from < sizes; from += SIZES_AT_ONCE) {
            int to = Math.min(sizes, from + SIZES_AT_ONCE);
            fitSizes(rows, minK, from, to, seed, fits, bic);
            for (int last = from; last < to; last++) {
                int best = lowest(bic, last + 1);
                if (best >= 0 && last - best >= PATIENCE) {
                    for (int s = last + 1; s < to; s++) {
                        fits[s] = null;
                        bic[s] = Double.NaN;
                    }
                    break search;
                }
            }
        }
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

    /** Fits sizes minK + [from, to), {@link #STARTS} starts each, keeping each size's most likely fit and its BIC. */
    private static void fitSizes(double[][] rows, int minK, int from, int to, long seed,
                                 MultivariateExponentialFamilyMixture[] fits, double[] bic) {
        int m = rows.length;
        int d = rows[0].length;
        int count = (to - from) * STARTS;
        MultivariateExponentialFamilyMixture[] tried = new MultivariateExponentialFamilyMixture[count];
        double[] logL = new double[count];
        IntStream.range(0, count).parallel().forEach(t -> {
            int k = minK + from + t / STARTS;
            SplittableRandom random = new SplittableRandom(Umap.mix(Umap.mix(seed, 1000 + k), t % STARTS));
            try {
                MultivariateMixture.Component[] start = kMeansPlusPlus(rows, k, random);
                tried[t] = MultivariateExponentialFamilyMixture.fit(rows, start, 0.0, MAX_ITERATIONS,
                        TOLERANCE_PER_CELL * m);
                logL[t] = logLikelihood(tried[t], rows);
            } catch (RuntimeException e) {
                logL[t] = Double.NaN;
            }
        });
        for (int s = from; s < to; s++) {
            int best = -1;
            for (int r = 0; r < STARTS; r++) {
                int t = (s - from) * STARTS + r;
                if (Double.isFinite(logL[t]) && (best < 0 || logL[t] > logL[best])) {
                    best = t;
                }
            }
            int k = minK + s;
            double params = (k - 1) + k * d + k * d * (d + 1) / 2.0;
            fits[s] = best < 0 ? null : tried[best];
            bic[s] = best < 0 ? Double.NaN : -2 * logL[best] + params * Math.log(m);
        }
    }

    /** Index of the lowest BIC among the first {@code n}, or -1 when none is a number. */
    private static int lowest(double[] bic, int n) {
        int best = -1;
        for (int s = 0; s < n; s++) {
            if (!Double.isNaN(bic[s]) && (best < 0 || bic[s] < bic[best])) {
                best = s;
            }
        }
        return best;
    }

    private static double logLikelihood(MultivariateMixture g, double[][] rows) {
        double logL = 0;
        for (double[] x : rows) {
            logL += g.logp(x);
        }
        return logL;
    }

    /**
     * Each column divided by its standard deviation over the rows (a constant column left as it is; fewer than two
     * rows have no standard deviation and are left as they are).
     */
    static double[][] standardised(double[][] rows) {
        if (rows.length < 2) {
            return rows;
        }
        double[] sd = MathEx.colSds(rows);
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            for (int f = 0; f < sd.length; f++) {
                if (sd[f] > 0) {
                    out[i][f] /= sd[f];
                }
            }
        }
        return out;
    }

    /** Indices of all rows when few, else of a seeded sample of {@link #SEARCH_SAMPLE}, in input order. */
    private static int[] sample(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n <= SEARCH_SAMPLE) {
            return order;
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
        return chosen;
    }

    private static double[][] pick(double[][] all, int[] chosen) {
        double[][] rows = new double[chosen.length][];
        for (int i = 0; i < chosen.length; i++) {
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
        Arrays.fill(d2, Double.MAX_VALUE);
        int centre = random.nextInt(n);
        for (int c = 0; c < k; c++) {
            start[c] = new MultivariateMixture.Component(1.0 / k,
                    new FlooredGaussian(rows[centre].clone(), cov.clone(), COVARIANCE_FLOOR));
            if (c == k - 1) {
                break;
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], MathEx.squaredDistance(rows[i], rows[centre]));
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
            centre = pick;
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
