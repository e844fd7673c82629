package org.patchmap.core.map;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Approximate cosine kNN graph by nearest-neighbour descent (Dong, Charikar & Li 2011) started from a
 * random-projection forest, as pynndescent builds umap-learn's graph: each round, every cell's not yet
 * explored neighbours meet its other neighbours (and the cells that list it), and each cell keeps the k
 * nearest of all it has met.
 * <p>
 * Written here because the result must be the same for the same rows on any number of threads, and the Java
 * libraries at hand cannot give that: hnswlib-core 1.2.1 draws each HNSW node's level from
 * {@code ThreadLocalRandom} (no seed, even inserting on one thread), so two builds of one index differ. Here
 * every random choice comes from the seed, and each round is computed from the previous one only: a cell's
 * new list is the k nearest of (its list ∪ what it meets), ties to the lower index, which does not depend on
 * the order it meets them, and only that cell's thread writes it (the join is "pulled" by each cell rather
 * than pushed to both ends of each pair as in the paper).
 */
final class NeighbourDescent {
    /** Random-projection trees of the start. */
    static final int TREES = 4;
    /** A tree node of at most this many cells is a leaf (or 1.5 k, whichever is larger). */
    static final int LEAF = 64;
    /** Unexplored and explored neighbours sampled per cell and round (pynndescent: max_candidates 60; 12
     * gives recall 0.997 on 30,000 synthetic cells at k = 150 in a fifth of the joins). */
    static final int CANDIDATES = 12;
    static final int MAX_ROUNDS = 12;
    /** Stop when fewer than this share of all n·k entries changed in a round (pynndescent: 0.001; the last
     * rounds below 0.01 cost as much as the first ones and add about 0.001 to the recall). */
    static final double DELTA = 0.01;

    private final CosineKnn index;
    private final int n;
    private final int k; // neighbours per cell, the cell itself not counted
    private final int[] nbr;
    private final double[] dst;
    private final boolean[] fresh;
    private final int[] size;
    private final ThreadLocal<Marks> marks;

    private NeighbourDescent(CosineKnn index, int k) {
        this.index = index;
        this.n = index.size();
        this.k = k;
        nbr = new int[n * k];
        dst = new double[n * k];
        fresh = new boolean[n * k];
        size = new int[n];
        marks = ThreadLocal.withInitial(() -> new Marks(n));
    }

    /**
     * The kNN graph in {@link CosineKnn#graph}'s form (self first, then up to k − 1 others, nearest first).
     *
     * @param k    neighbours per row, the row itself included
     * @param seed every random choice derives from it
     */
    static CosineKnn.KnnGraph graph(CosineKnn index, int k, long seed) {
        int n = index.size();
        int others = Math.min(k, n) - 1;
        NeighbourDescent d = new NeighbourDescent(index, Math.max(others, 0));
        if (others > 0) {
            d.start(seed);
            for (int round = 0; round < MAX_ROUNDS; round++) {
                long changed = d.round(Umap.mix(seed, 1000 + round));
                if (changed <= DELTA * n * others) {
                    break;
                }
            }
        }
        int[][] idx = new int[n][];
        double[][] dist = new double[n][];
        for (int i = 0; i < n; i++) {
            int m = d.size[i];
            idx[i] = new int[m + 1];
            dist[i] = new double[m + 1];
            idx[i][0] = i;
            System.arraycopy(d.nbr, i * d.k, idx[i], 1, m);
            System.arraycopy(d.dst, i * d.k, dist[i], 1, m);
        }
        return new CosineKnn.KnnGraph(idx, dist);
    }

    /** Share of the exact graph's neighbours (self excluded) that the approximate graph also lists. */
    static double recall(CosineKnn.KnnGraph approximate, CosineKnn.KnnGraph exact) {
        long found = 0;
        long total = 0;
        int n = exact.indices().length;
        Marks m = new Marks(n);
        for (int i = 0; i < n; i++) {
            m.next();
            int[] a = approximate.indices()[i];
            for (int r = 1; r < a.length; r++) {
                m.set(a[r]);
            }
            int[] e = exact.indices()[i];
            for (int r = 1; r < e.length; r++) {
                found += m.has(e[r]) ? 1 : 0;
            }
            total += e.length - 1;
        }
        return total == 0 ? 1 : (double) found / total;
    }

    /** Each cell's k nearest among the cells sharing a leaf with it in any tree (topped up at random). */
    private void start(long seed) {
        int leaf = Math.max(LEAF, k + k / 2);
        int[][] leafStart = new int[TREES][];
        int[][] leafEnd = new int[TREES][];
        int[][] order = new int[TREES][];
        IntStream.range(0, TREES).parallel().forEach(t -> {
            order[t] = new int[n];
            leafStart[t] = new int[n];
            leafEnd[t] = new int[n];
            for (int i = 0; i < n; i++) {
                order[t][i] = i;
            }
            split(order[t], leafStart[t], leafEnd[t], leaf, new SplittableRandom(Umap.mix(seed, 500 + t)));
        });
        IntStream.range(0, n).parallel().forEach(i -> {
            Marks m = marks.get();
            m.next();
            m.set(i);
            TopK top = new TopK(k);
            for (int t = 0; t < TREES; t++) {
                for (int r = leafStart[t][i]; r < leafEnd[t][i]; r++) {
                    int j = order[t][r];
                    if (!m.has(j)) {
                        m.set(j);
                        top.offer(j, index.distance(i, j));
                    }
                }
            }
            SplittableRandom random = new SplittableRandom(Umap.mix(seed, -1 - (long) i));
            for (int tries = 0; !top.full() && tries < 4 * k; tries++) {
                int j = random.nextInt(n);
                if (!m.has(j)) {
                    m.set(j);
                    top.offer(j, index.distance(i, j));
                }
            }
            size[i] = top.size();
            for (int r = 0; r < top.size(); r++) {
                nbr[i * k + r] = top.index(r);
                dst[i * k + r] = top.distance(r);
                fresh[i * k + r] = true;
            }
        });
    }

    /**
     * Splits order[] into leaves by random hyperplanes (each between two cells of the node, Annoy's rule),
     * recording per cell the range of its leaf in order[].
     */
    private void split(int[] order, int[] leafStart, int[] leafEnd, int leaf, SplittableRandom random) {
        int[] work = new int[n];
        java.util.ArrayDeque<int[]> pending = new java.util.ArrayDeque<>();
        pending.push(new int[] {0, n});
        while (!pending.isEmpty()) {
            int[] node = pending.pop();
            int from = node[0];
            int to = node[1];
            if (to - from <= leaf) {
                for (int r = from; r < to; r++) {
                    leafStart[order[r]] = from;
                    leafEnd[order[r]] = to;
                }
                continue;
            }
            int a = order[from + random.nextInt(to - from)];
            int b = order[from + random.nextInt(to - from)];
            int lo = from;
            int hi = to;
            for (int r = from; r < to; r++) {
                int i = order[r];
                double side = index.dot(i, a) - index.dot(i, b);
                boolean left = side > 0 || (side == 0 && random.nextBoolean());
                if (left) {
                    work[lo++] = i;
                } else {
                    work[--hi] = i;
                }
            }
            if (lo == from || lo == to) { // one side empty (identical cells): halve at random
                for (int r = from; r < to; r++) {
                    work[r] = order[r];
                }
                lo = from + (to - from) / 2;
            }
            System.arraycopy(work, from, order, from, to - from);
            pending.push(new int[] {lo, to});
            pending.push(new int[] {from, lo});
        }
    }

    /** One round; returns how many list entries changed. */
    private long round(long seed) {
        int c = CANDIDATES;
        int[] newOwn = new int[n * c];
        int[] newOwnSize = new int[n];
        int[] oldOwn = new int[n * c];
        int[] oldOwnSize = new int[n];
        // each cell's nearest unexplored neighbours (marked explored) and nearest explored ones
        IntStream.range(0, n).parallel().forEach(v -> {
            int fn = 0;
            int fo = 0;
            for (int r = 0; r < size[v]; r++) {
                int e = v * k + r;
                if (fresh[e]) {
                    if (fn < c) {
                        newOwn[v * c + fn++] = nbr[e];
                        fresh[e] = false;
                    }
                } else if (fo < c) {
                    oldOwn[v * c + fo++] = nbr[e];
                }
            }
            newOwnSize[v] = fn;
            oldOwnSize[v] = fo;
        });
        int[][] newAll = withReverse(newOwn, newOwnSize, seed);
        int[][] oldAll = withReverse(oldOwn, oldOwnSize, Umap.mix(seed, 1));
        // who lists whom: a cell p meets, through each v listing it as new, all of v's candidates, and through
        // each v listing it as old, v's new candidates (old meets old in an earlier round)
        int[][] inNew = incidence(newAll);
        int[][] inOld = incidence(oldAll);
        long[] changed = new long[n];
        IntStream.range(0, n).parallel().forEach(p -> changed[p] = join(p, newAll, oldAll, inNew[p], inOld[p]));
        long sum = 0;
        for (long x : changed) {
            sum += x;
        }
        return sum;
    }

    private int join(int p, int[][] newAll, int[][] oldAll, int[] viaNew, int[] viaOld) {
        Marks m = marks.get();
        m.next();
        m.set(p);
        int base = p * k;
        for (int r = 0; r < size[p]; r++) {
            m.set(nbr[base + r]);
        }
        int changed = 0;
        for (int v : viaNew) {
            changed += meet(p, newAll[v], m);
            changed += meet(p, oldAll[v], m);
        }
        for (int v : viaOld) {
            changed += meet(p, newAll[v], m);
        }
        return changed;
    }

    private int meet(int p, int[] candidates, Marks m) {
        int changed = 0;
        for (int q : candidates) {
            if (!m.has(q)) {
                m.set(q);
                changed += insert(p, q, index.distance(p, q)) ? 1 : 0;
            }
        }
        return changed;
    }

    /** Puts q into p's sorted list if it is among the k nearest (ties to the lower index). */
    private boolean insert(int p, int q, double d) {
        int base = p * k;
        int s = size[p];
        if (s == k && !before(d, q, dst[base + k - 1], nbr[base + k - 1])) {
            return false;
        }
        int pos = s == k ? k - 1 : s;
        if (s < k) {
            size[p] = s + 1;
        }
        while (pos > 0 && before(d, q, dst[base + pos - 1], nbr[base + pos - 1])) {
            dst[base + pos] = dst[base + pos - 1];
            nbr[base + pos] = nbr[base + pos - 1];
            fresh[base + pos] = fresh[base + pos - 1];
            pos--;
        }
        dst[base + pos] = d;
        nbr[base + pos] = q;
        fresh[base + pos] = true;
        return true;
    }

    private static boolean before(double d, int i, double d2, int i2) {
        return d < d2 || (d == d2 && i < i2);
    }

    /**
     * Per cell its own candidates plus up to {@link #CANDIDATES} of the cells that hold it as a candidate
     * (chosen by a seeded hash, so the choice does not favour low indices), without repeats.
     */
    private int[][] withReverse(int[] own, int[] ownSize, long seed) {
        int c = CANDIDATES;
        int[] count = new int[n + 1];
        for (int v = 0; v < n; v++) {
            for (int r = 0; r < ownSize[v]; r++) {
                count[own[v * c + r] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, n);
        int[] reverse = new int[count[n]];
        for (int v = 0; v < n; v++) {
            for (int r = 0; r < ownSize[v]; r++) {
                reverse[fill[own[v * c + r]]++] = v;
            }
        }
        int[][] all = new int[n][];
        IntStream.range(0, n).parallel().forEach(u -> {
            int from = count[u];
            int to = count[u + 1];
            long[] keyed = new long[to - from];
            for (int r = from; r < to; r++) {
                keyed[r - from] = (Umap.mix(seed, (long) u * n + reverse[r]) & 0x7FFFFFFF00000000L) | reverse[r];
            }
            if (keyed.length > c) {
                Arrays.sort(keyed);
            }
            Marks m = marks.get();
            m.next();
            int[] out = new int[ownSize[u] + Math.min(c, keyed.length)];
            int o = 0;
            for (int r = 0; r < ownSize[u]; r++) {
                m.set(own[u * c + r]);
                out[o++] = own[u * c + r];
            }
            for (int r = 0; r < keyed.length && r < c; r++) {
                int v = (int) keyed[r];
                if (!m.has(v)) {
                    m.set(v);
                    out[o++] = v;
                }
            }
            all[u] = Arrays.copyOf(out, o);
        });
        return all;
    }

    /** For each cell, the cells whose lists hold it, ascending. */
    private int[][] incidence(int[][] lists) {
        int[] count = new int[n];
        for (int[] list : lists) {
            for (int q : list) {
                count[q]++;
            }
        }
        int[][] in = new int[n][];
        for (int i = 0; i < n; i++) {
            in[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int v = 0; v < n; v++) {
            for (int q : lists[v]) {
                in[q][count[q]++] = v;
            }
        }
        return in;
    }

    /** Which cells a thread has seen for the current row: a generation per row, no clearing. */
    private static final class Marks {
        private final int[] seen;
        private int generation;

        Marks(int n) {
            seen = new int[n];
        }

        void next() {
            generation++;
        }

        void set(int i) {
            seen[i] = generation;
        }

        boolean has(int i) {
            return seen[i] == generation;
        }
    }
}
