package org.patchmap.core.map;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Approximate cosine kNN graph by nearest-neighbour descent (Dong, Charikar & Li 2011) started from a
 * random-projection forest, as pynndescent builds umap-learn's graph: each round, every cell's not yet
 * explored ("new") neighbours meet each other and its explored ("old") ones, each such pair's distance is
 * computed once, and both ends keep it if it is nearer than their current k-th neighbour.
 * <p>
 * Written here because the result must be the same for the same rows on any number of threads, and the Java
 * libraries at hand cannot give that: hnswlib-core 1.2.1 draws each HNSW node's level from
 * {@code ThreadLocalRandom} (no seed, even inserting on one thread), so two builds of one index differ. Here
 * every random choice comes from the seed, and the work is cut into fixed blocks of cells: a block's pairs are
 * measured in parallel against the lists as they stood at the block's start, the proposals are grouped by the
 * cell they would enter in the order of the block's cells, and each cell's list is then updated by one thread.
 * A list keeps the k nearest of all it is offered, ties to the lower index (a bounded max-heap under that total
 * order), which does not depend on the order of the offers.
 * <p>
 * Distances are computed on single-precision unit rows (16 floats: one cache line per cell instead of two)
 * in four partial sums; the lists hold them in single precision too.
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
    /** Cells whose pairs are measured before the lists are updated: fixed, so the graph does not depend on
     * the number of threads; bounds the proposals held at once (about 16,384 × 1,700 at most). */
    static final int BLOCK = 16_384;

    private final int n;
    private final int k; // neighbours per cell, the cell itself not counted
    private final int dims;
    private final float[] unit;
    private final boolean[] zero;
    private final int[] nbr; // per cell a max-heap of k entries: the worst kept first
    private final float[] dst;
    private final boolean[] fresh;
    private final int[] size;
    private final ThreadLocal<Marks> marks;

    private NeighbourDescent(CosineKnn index, int k) {
        this.n = index.size();
        this.k = k;
        this.dims = index.dims();
        this.unit = index.unitFloats();
        this.zero = new boolean[n];
        for (int i = 0; i < n; i++) {
            zero[i] = index.isZero(i);
        }
        nbr = new int[n * k];
        dst = new float[n * k];
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
        IntStream.range(0, n).parallel().forEach(i -> {
            int m = d.size[i];
            long[] sorted = new long[m];
            for (int r = 0; r < m; r++) { // non-negative floats order as their bits
                sorted[r] = (long) Float.floatToIntBits(d.dst[i * d.k + r]) << 32 | d.nbr[i * d.k + r];
            }
            Arrays.sort(sorted);
            idx[i] = new int[m + 1];
            dist[i] = new double[m + 1];
            idx[i][0] = i;
            for (int r = 0; r < m; r++) {
                idx[i][r + 1] = (int) sorted[r];
                dist[i][r + 1] = Float.intBitsToFloat((int) (sorted[r] >>> 32));
            }
        });
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

    /** Cosine distance of cells i and j in single precision (a zero row: 1 from others, 0 from a zero row). */
    private float distance(int i, int j) {
        if (zero[i] || zero[j]) {
            return zero[i] && zero[j] ? 0 : 1;
        }
        return Math.max(0, 1 - dot(i, j));
    }

    /** Dot product of unit rows i and j in four partial sums (a zero row's floats are zeros). */
    private float dot(int i, int j) {
        int a = i * dims;
        int b = j * dims;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int f = 0;
        for (; f + 3 < dims; f += 4) {
            s0 += unit[a + f] * unit[b + f];
            s1 += unit[a + f + 1] * unit[b + f + 1];
            s2 += unit[a + f + 2] * unit[b + f + 2];
            s3 += unit[a + f + 3] * unit[b + f + 3];
        }
        for (; f < dims; f++) {
            s0 += unit[a + f] * unit[b + f];
        }
        return (s0 + s1) + (s2 + s3);
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
            for (int t = 0; t < TREES; t++) {
                for (int r = leafStart[t][i]; r < leafEnd[t][i]; r++) {
                    int j = order[t][r];
                    if (!m.has(j)) {
                        m.set(j);
                        offer(i, j, distance(i, j));
                    }
                }
            }
            SplittableRandom random = new SplittableRandom(Umap.mix(seed, -1 - (long) i));
            for (int tries = 0; size[i] < k && tries < 4 * k; tries++) {
                int j = random.nextInt(n);
                if (!m.has(j)) {
                    m.set(j);
                    offer(i, j, distance(i, j));
                }
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
                float side = dot(i, a) - dot(i, b);
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
            int[] slots = new int[c];
            newOwnSize[v] = nearest(v, true, slots);
            for (int r = 0; r < newOwnSize[v]; r++) {
                newOwn[v * c + r] = nbr[slots[r]];
                fresh[slots[r]] = false;
            }
            oldOwnSize[v] = nearest(v, false, slots);
            for (int r = 0; r < oldOwnSize[v]; r++) {
                oldOwn[v * c + r] = nbr[slots[r]];
            }
        });
        int[][] newAll = withReverse(newOwn, newOwnSize, seed);
        int[][] oldAll = withReverse(oldOwn, oldOwnSize, Umap.mix(seed, 1));
        long changed = 0;
        float[] threshold = new float[n];
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            IntStream.range(0, n).parallel().forEach(p -> threshold[p] = worst(p));
            Proposals[] byCell = new Proposals[to - from];
            int first = from;
            IntStream.range(from, to).parallel().forEach(v ->
                    byCell[v - first] = join(newAll[v], oldAll[v], threshold));
            changed += apply(byCell);
        }
        return changed;
    }

    /** The distance a cell's list must beat: its k-th neighbour's, +∞ while the list is short. */
    private float worst(int p) {
        return size[p] < k ? Float.POSITIVE_INFINITY : dst[p * k];
    }

    /**
     * The list slots of up to {@link #CANDIDATES} of v's neighbours, the nearest of those that are (or are
     * not) fresh, nearest first; returns how many.
     */
    private int nearest(int v, boolean wantFresh, int[] slots) {
        int c = slots.length;
        int got = 0;
        for (int e = v * k; e < v * k + size[v]; e++) {
            if (fresh[e] != wantFresh) {
                continue;
            }
            float x = dst[e];
            int q = nbr[e];
            if (got == c && !before(x, q, dst[slots[c - 1]], nbr[slots[c - 1]])) {
                continue;
            }
            int pos = got == c ? c - 1 : got++;
            while (pos > 0 && before(x, q, dst[slots[pos - 1]], nbr[slots[pos - 1]])) {
                slots[pos] = slots[pos - 1];
                pos--;
            }
            slots[pos] = e;
        }
        return got;
    }

    /** The pairs one cell's candidates make (new with new, new with old), kept where either end would take it. */
    private Proposals join(int[] news, int[] olds, float[] threshold) {
        Proposals out = new Proposals(news.length * (news.length + olds.length));
        for (int a = 0; a < news.length; a++) {
            int p = news[a];
            for (int b = a + 1; b < news.length; b++) {
                propose(p, news[b], threshold, out);
            }
            for (int q : olds) {
                if (q != p) {
                    propose(p, q, threshold, out);
                }
            }
        }
        return out;
    }

    private void propose(int p, int q, float[] threshold, Proposals out) {
        float d = distance(p, q);
        if (d <= threshold[p]) {
            out.add(p, q, d);
        }
        if (d <= threshold[q]) {
            out.add(q, p, d);
        }
    }

    /** Offers each proposal to its cell's list, cells in parallel, each cell's proposals in the block's order. */
    private long apply(Proposals[] byCell) {
        int[] count = new int[n + 1];
        for (Proposals pr : byCell) {
            for (int r = 0; r < pr.size; r++) {
                count[pr.target[r] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, n);
        int[] source = new int[count[n]];
        float[] distance = new float[count[n]];
        for (Proposals pr : byCell) {
            for (int r = 0; r < pr.size; r++) {
                int at = fill[pr.target[r]]++;
                source[at] = pr.source[r];
                distance[at] = pr.distance[r];
            }
        }
        return IntStream.range(0, n).parallel().mapToLong(p -> {
            if (count[p] == count[p + 1]) {
                return 0;
            }
            Marks m = marks.get();
            m.next();
            m.set(p);
            for (int r = 0; r < size[p]; r++) {
                m.set(nbr[p * k + r]);
            }
            long changed = 0;
            for (int at = count[p]; at < count[p + 1]; at++) {
                int q = source[at];
                if (!m.has(q)) {
                    m.set(q);
                    changed += offer(p, q, distance[at]) ? 1 : 0;
                }
            }
            return changed;
        }).sum();
    }

    /** Puts q (not yet listed) into p's list, marked fresh, if it is among the k nearest; ties to the lower index. */
    private boolean offer(int p, int q, float d) {
        int base = p * k;
        int s = size[p];
        if (s < k) { // append and sift up
            int pos = s;
            size[p] = s + 1;
            while (pos > 0) {
                int parent = (pos - 1) >> 1;
                if (!before(dst[base + parent], nbr[base + parent], d, q)) {
                    break;
                }
                move(base, parent, pos);
                pos = parent;
            }
            put(base, pos, q, d);
            return true;
        }
        if (!before(d, q, dst[base], nbr[base])) {
            return false;
        }
        int pos = 0; // replace the worst and sift down
        while (true) {
            int child = 2 * pos + 1;
            if (child >= k) {
                break;
            }
            if (child + 1 < k && before(dst[base + child], nbr[base + child], dst[base + child + 1],
                    nbr[base + child + 1])) {
                child++;
            }
            if (!before(d, q, dst[base + child], nbr[base + child])) {
                break;
            }
            move(base, child, pos);
            pos = child;
        }
        put(base, pos, q, d);
        return true;
    }

    private void move(int base, int from, int to) {
        dst[base + to] = dst[base + from];
        nbr[base + to] = nbr[base + from];
        fresh[base + to] = fresh[base + from];
    }

    private void put(int base, int pos, int q, float d) {
        dst[base + pos] = d;
        nbr[base + pos] = q;
        fresh[base + pos] = true;
    }

    private static boolean before(float d, int i, float d2, int i2) {
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

    /** Offers of a cell q to the list of a cell, at a distance: what one cell's join proposes. */
    private static final class Proposals {
        int[] target;
        int[] source;
        float[] distance;
        int size;

        Proposals(int pairs) {
            int room = Math.max(4, pairs / 4);
            target = new int[room];
            source = new int[room];
            distance = new float[room];
        }

        void add(int t, int s, float d) {
            if (size == target.length) {
                target = Arrays.copyOf(target, 2 * size);
                source = Arrays.copyOf(source, 2 * size);
                distance = Arrays.copyOf(distance, 2 * size);
            }
            target[size] = t;
            source[size] = s;
            distance[size] = d;
            size++;
        }
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
