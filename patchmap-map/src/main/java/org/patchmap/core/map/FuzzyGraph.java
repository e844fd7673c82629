package org.patchmap.core.map;

import java.util.Arrays;

/**
 * UMAP's fuzzy simplicial set of a kNN graph (McInnes et al. 2018; umap-learn's smooth_knn_dist,
 * compute_membership_strengths and fuzzy union, local_connectivity 1, bandwidth 1), as a symmetric list of
 * directed edges: each undirected edge appears once per direction with the same weight, grouped by head.
 *
 * @param n      vertices
 * @param head   edge heads
 * @param tail   edge tails
 * @param weight edge weights in (0, 1]
 */
public record FuzzyGraph(int n, int[] head, int[] tail, double[] weight) {
    private static final int SEARCH_STEPS = 64;
    private static final double TOLERANCE = 1e-5;
    private static final double MIN_K_DIST_SCALE = 1e-3;

    public static FuzzyGraph of(CosineKnn.KnnGraph knn) {
        int n = knn.indices().length;
        double meanAll = 0;
        long count = 0;
        for (double[] row : knn.distances()) {
            for (double d : row) {
                meanAll += d;
                count++;
            }
        }
        meanAll = count == 0 ? 0 : meanAll / count;

        // directed memberships, packed for one sort by unordered pair
        int entries = 0;
        for (int[] row : knn.indices()) {
            entries += row.length - 1;
        }
        int entryBits = Math.max(1, 64 - Long.numberOfLeadingZeros(entries));
        if (entryBits + 2 * (64 - Long.numberOfLeadingZeros(n)) > 63) {
            throw new IllegalArgumentException("fuzzy graph: " + n + " cells × " + entries + " edges is too large");
        }
        long[] keys = new long[entries];
        double[] member = new double[entries];
        int[] from = new int[entries];
        int e = 0;
        for (int i = 0; i < n; i++) {
            int[] idx = knn.indices()[i];
            double[] dist = knn.distances()[i];
            double rho = rho(dist);
            double sigma = sigma(dist, rho, idx.length, meanAll);
            for (int r = 1; r < idx.length; r++) {
                int j = idx[r];
                double d = dist[r] - rho;
                member[e] = d <= 0 || sigma == 0 ? 1 : Math.exp(-d / sigma);
                from[e] = i;
                long pair = (long) Math.min(i, j) * n + Math.max(i, j);
                keys[e] = (pair << entryBits) | e;
                e++;
            }
        }
        Arrays.sort(keys);
        long mask = (1L << entryBits) - 1;

        // fuzzy union w = a + b − ab per unordered pair, emitted in both directions
        int[] u = new int[entries];
        int[] v = new int[entries];
        double[] w = new double[entries];
        int pairs = 0;
        for (int s = 0; s < entries; ) {
            int first = (int) (keys[s] & mask);
            long pair = keys[s] >>> entryBits;
            double a = member[first];
            double b = 0;
            int next = s + 1;
            while (next < entries && keys[next] >>> entryBits == pair) {
                b = member[(int) (keys[next] & mask)]; // the reverse direction (at most one)
                next++;
            }
            double union = a + b - a * b;
            if (union > 0) {
                u[pairs] = (int) (pair / n);
                v[pairs] = (int) (pair % n);
                w[pairs] = union;
                pairs++;
            }
            s = next;
        }
        return grouped(n, u, v, w, pairs);
    }

    /** Both directions of each pair, grouped by head (counting sort: stable, so deterministic). */
    private static FuzzyGraph grouped(int n, int[] u, int[] v, double[] w, int pairs) {
        int[] start = new int[n + 1];
        for (int p = 0; p < pairs; p++) {
            start[u[p] + 1]++;
            start[v[p] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] head = new int[2 * pairs];
        int[] tail = new int[2 * pairs];
        double[] weight = new double[2 * pairs];
        for (int p = 0; p < pairs; p++) {
            int a = fill[u[p]]++;
            head[a] = u[p];
            tail[a] = v[p];
            weight[a] = w[p];
            int b = fill[v[p]]++;
            head[b] = v[p];
            tail[b] = u[p];
            weight[b] = w[p];
        }
        return new FuzzyGraph(n, head, tail, weight);
    }

    /** Distance to the nearest other point at a non-zero distance (local_connectivity 1). */
    private static double rho(double[] dist) {
        for (int r = 1; r < dist.length; r++) {
            if (dist[r] > 0) {
                return dist[r];
            }
        }
        return 0;
    }

    /** umap-learn's binary search: Σ exp(−(d − ρ)/σ) over the neighbours = log2(k). */
    private static double sigma(double[] dist, double rho, int k, double meanAll) {
        double target = Math.log(k) / Math.log(2);
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double mid = 1;
        for (int step = 0; step < SEARCH_STEPS; step++) {
            double psum = 0;
            for (int r = 1; r < dist.length; r++) {
                double d = dist[r] - rho;
                psum += d > 0 ? Math.exp(-d / mid) : 1;
            }
            if (Math.abs(psum - target) < TOLERANCE) {
                break;
            }
            if (psum > target) {
                hi = mid;
                mid = (lo + hi) / 2;
            } else {
                lo = mid;
                mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2;
            }
        }
        double floor;
        if (rho > 0) {
            double mean = 0;
            for (double d : dist) {
                mean += d;
            }
            floor = MIN_K_DIST_SCALE * mean / dist.length;
        } else {
            floor = MIN_K_DIST_SCALE * meanAll;
        }
        return Math.max(mid, floor);
    }

    public int edges() {
        return head.length;
    }

    /**
     * Connected components, numbered in the order of their smallest vertex.
     *
     * @return per vertex its component
     */
    public int[] components() {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < head.length; e++) {
            int a = root(parent, head[e]);
            int b = root(parent, tail[e]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] label = new int[n];
        int[] byRoot = new int[n];
        Arrays.fill(byRoot, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (byRoot[r] < 0) {
                byRoot[r] = next++;
            }
            label[i] = byRoot[r];
        }
        return label;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
