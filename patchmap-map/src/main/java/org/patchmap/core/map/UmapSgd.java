package org.patchmap.core.map;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * umap-learn's optimize_layout_euclidean for one connected component: each edge is sampled every
 * {@code eps} = w_max / w epochs (its epochs_per_sample), with {@code negativeSampleRate} negative samples
 * per sample drawn from the component's cells, learning rate falling linearly to 0, gradients clipped at 4,
 * both ends of an edge moved (move_other).
 * <p>
 * Two departures, for speed or reproducibility, neither changing what is sampled:
 * <ul>
 *   <li>The negative samples of one edge sample are all taken from where its head stands after the
 *       attraction, and their clipped pushes added together: umap-learn moves the head after each one, which
 *       chains every negative sample to the one before through a division and a power (about 60 % of the
 *       layout's time went waiting on that chain). The steps are small (clipped at 4 × a learning rate that
 *       falls to 0) next to the distances that shape the push, so the five pushes barely differ. The pushed-off
 *       cells are read where they stood at the start of the epoch (as the other blocks' cells always are):
 *       no branch on whose cell it is, and umap-learn's own parallel layout reads them unsynchronised.</li>
 *   <li>The cells are cut into {@link #PARTITIONS} fixed blocks worked on in parallel: within an epoch a
 *       block moves its own cells at once and reads the other blocks' cells as they were at the start of the
 *       epoch; moves it makes to other blocks' cells are added at the end of the epoch, block by block. No
 *       read or write depends on thread timing, so the result is the same on any number of cores (umap-learn
 *       is reproducible only single-threaded).</li>
 * </ul>
 * Sampling state is kept in floats (epoch counts up to a few hundred: far inside float precision): half the
 * memory of 20 million edges at 100,000 cells, and half the bytes the per-epoch scan of the schedule reads.
 * Positions are floats too, as umap-learn keeps its embedding (float32), with each step computed in double:
 * the positions every sample reads at random (the block's own, the epoch's start, the moves for other
 * blocks) take half the cache, which at 100,000 cells decides the layout's speed. The smallest step, 4 ×
 * the last epoch's learning rate (1/200 of the first), is far above float resolution on a map about 40 wide.
 */
final class UmapSgd {
    private static final double CLIP = 4;
    /** Fixed blocks of the parallel SGD: fixed so the result does not depend on the number of cores. */
    static final int PARTITIONS = 4;

    private UmapSgd() {
    }

    /**
     * Moves {@code emb} (x, y per cell, m cells) along the edges.
     *
     * @param head edge heads, ascending (the edges grouped by head)
     * @param tail edge tails
     * @param eps  per edge its epochs per sample (≥ 1)
     */
    static void optimise(double[] start, int m, int[] head, int[] tail, float[] eps, UmapCurve curve, int epochs,
                         MapParameters p, long seed) {
        float[] emb = new float[start.length];
        for (int i = 0; i < emb.length; i++) {
            emb[i] = (float) start[i];
        }
        int edges = head.length;
        int blocks = Math.min(PARTITIONS, m);
        int[] owner = new int[m];
        for (int v = 0; v < m; v++) {
            owner[v] = (int) ((long) v * blocks / m);
        }
        int[] firstEdge = new int[blocks + 1]; // edges are grouped by head, heads ascending
        for (int b = 0, e = 0; b <= blocks; b++) {
            while (e < edges && owner[head[e]] < b) {
                e++;
            }
            firstEdge[b] = b == blocks ? edges : e;
        }
        float[] nextSample = eps.clone();
        float[] nextNeg = new float[edges];
        float rate = p.negativeSampleRate();
        for (int e = 0; e < edges; e++) {
            nextNeg[e] = rate == 0 ? Float.POSITIVE_INFINITY : eps[e] / rate;
        }
        long[] state = new long[blocks];
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int b = 0; b < blocks; b++) {
            long s = seeds.nextLong();
            state[b] = s == 0 ? 0x9E3779B97F4A7C15L : s;
        }
        float[] before = new float[emb.length];
        float[][] elsewhere = new float[blocks][emb.length];
        Block work = new Block(emb, before, elsewhere, owner, head, tail, eps, nextSample, nextNeg, rate, state,
                firstEdge, curve, new FastPow(curve.b()), p.repulsionStrength(), m);
        for (int epoch = 0; epoch < epochs; epoch++) {
            double alpha = p.learningRate() * (1 - (double) epoch / epochs);
            System.arraycopy(emb, 0, before, 0, emb.length);
            int ep = epoch;
            if (blocks == 1) {
                work.run(0, ep, alpha);
            } else {
                IntStream.range(0, blocks).parallel().forEach(b -> work.run(b, ep, alpha));
            }
            for (int b = 0; b < blocks; b++) {
                float[] moves = elsewhere[b];
                for (int i = 0; i < emb.length; i++) {
                    emb[i] += moves[i];
                    moves[i] = 0;
                }
            }
        }
        for (int i = 0; i < emb.length; i++) {
            start[i] = emb[i];
        }
    }

    /** One block's share of an epoch (see the class comment). */
    private record Block(float[] emb, float[] before, float[][] elsewhere, int[] owner, int[] head, int[] tail,
                         float[] eps, float[] nextSample, float[] nextNeg, float rate, long[] state,
                         int[] firstEdge, UmapCurve curve, FastPow pow, double gamma, int m) {
        void run(int block, int epoch, double alpha) {
            double a = curve.a();
            double b = curve.b();
            float[] moves = elsewhere[block];
            long rng = state[block];
            for (int e = firstEdge[block]; e < firstEdge[block + 1]; e++) {
                if (nextSample[e] > epoch) {
                    continue;
                }
                int j = 2 * head[e];
                int o = 2 * tail[e];
                boolean mine = owner[tail[e]] == block;
                float[] other = mine ? emb : before;
                double dx = emb[j] - other[o];
                double dy = emb[j + 1] - other[o + 1];
                double d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    double pb = pow.pow(d2);
                    double coeff = -2 * a * b * (pb / d2) / (a * pb + 1);
                    double gx = clip(coeff * dx) * alpha;
                    double gy = clip(coeff * dy) * alpha;
                    emb[j] += gx;
                    emb[j + 1] += gy;
                    float[] target = mine ? emb : moves;
                    target[o] -= gx;
                    target[o + 1] -= gy;
                }
                nextSample[e] += eps[e];
                float epsNeg = eps[e] / rate;
                int negatives = (int) ((epoch - nextNeg[e]) / epsNeg);
                double hx = emb[j];
                double hy = emb[j + 1];
                double pushX = 0;
                double pushY = 0;
                for (int s = 0; s < negatives; s++) {
                    rng ^= rng << 13;
                    rng ^= rng >>> 7;
                    rng ^= rng << 17;
                    int q = (int) (((rng >>> 32) * m) >>> 32);
                    int t = 2 * q;
                    if (t == j) {
                        continue;
                    }
                    double nx = hx - before[t];
                    double ny = hy - before[t + 1];
                    double n2 = nx * nx + ny * ny;
                    if (n2 > 0) {
                        double coeff = 2 * gamma * b / ((0.001 + n2) * (a * pow.pow(n2) + 1));
                        pushX += clip(coeff * nx);
                        pushY += clip(coeff * ny);
                    }
                }
                emb[j] = (float) (hx + pushX * alpha);
                emb[j + 1] = (float) (hy + pushY * alpha);
                if (negatives > 0) {
                    nextNeg[e] += negatives * epsNeg;
                }
            }
            state[block] = rng;
        }
    }

    private static double clip(double g) {
        return g > CLIP ? CLIP : g < -CLIP ? -CLIP : g;
    }
}
