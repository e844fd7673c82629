package org.patchmap.core.protocol;

import org.patchmap.core.numeric.Stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a stimulus current into constant-current epochs (spec section 1) with robust statistics,
 * so that a recorded, noisy current with a DC offset and spike-coupled transients segments like an
 * ideal command, and a low-pass filtered command like a sharp one.
 *
 * <ol>
 * <li>1 ms block medians m[k].</li>
 * <li>Noise: σ of a block median from |m[k+1] − m[k]| in the quietest 50 ms stretches of the
 *     sweep ({@link #blockNoise}); threshold T = max(2 pA, 6σ).</li>
 * <li>Walk the blocks keeping the current plateau's level (mean of its blocks). A block further
 *     than T from it is an excursion when the current comes back within {@value #MAX_EXCURSION_BLOCKS}
 *     blocks (it stays in the plateau), otherwise a change: the new plateau starts at the first
 *     block where {@value #SETTLE_BLOCKS} consecutive blocks agree within T (searched over
 *     {@value #MAX_TRANSITION_BLOCKS} blocks; unsettled current such as noise or a chirp starts a
 *     one-block plateau).</li>
 * <li>Each boundary is refined to the sample where the current crosses half-way between the two
 *     levels (the cut that leaves fewest samples on the wrong side, so noise cannot move it far).</li>
 * </ol>
 * Plateaus tile the sweep. Ramps, noise and chirps come out as many short plateaus.
 */
public final class PlateauSegmenter {
    /** Smallest threshold, pA. */
    public static final double FLOOR_PA = 2.0;
    /** Threshold in units of block-median noise σ. */
    public static final double NOISE_FACTOR = 6.0;
    static final int NOISE_CHUNK_BLOCKS = 50;
    static final int MAX_EXCURSION_BLOCKS = 3;
    static final int SETTLE_BLOCKS = 3;
    static final int MAX_TRANSITION_BLOCKS = 6;
    static final double MAX_SPLIT_MS = 5;

    private PlateauSegmenter() {
    }

    /**
     * What the segmenter found in one sweep.
     *
     * @param plateaus    the plateaus, in time order, tiling the sweep
     * @param thresholdPa the level-change threshold used, pA
     * @param excursions  departures absorbed into plateaus (brief, or settling back at the plateau's level)
     */
    public record Segmentation(List<Plateau> plateaus, double thresholdPa, List<Excursion> excursions) {
        public Segmentation {
            plateaus = List.copyOf(plateaus);
            excursions = List.copyOf(excursions);
        }
    }

    /**
     * A departure from a plateau's level that did not split it (a transient, a pulse of ≤ 3 ms).
     *
     * @param startIndex first sample of its first deviating 1 ms block
     * @param endIndex   end (exclusive) of its last deviating block
     */
    public record Excursion(int startIndex, int endIndex) {
        /** Length in 1 ms blocks. */
        public int blocks(double samplingRateHz) {
            int b = Math.max(1, (int) Math.round(samplingRateHz / 1000.0));
            return (endIndex - startIndex + b - 1) / b;
        }
    }

    /** The constant-current epochs of {@code currentPa}, in time order. */
    public static List<Plateau> segment(double[] currentPa, double samplingRateHz) {
        return analyse(currentPa, samplingRateHz).plateaus();
    }

    /** Plateaus plus the threshold and the number of absorbed excursions. */
    public static Segmentation analyse(double[] x, double samplingRateHz) {
        int n = x.length;
        if (n == 0) {
            return new Segmentation(List.of(), FLOOR_PA, List.of());
        }
        int b = Math.max(1, (int) Math.round(samplingRateHz / 1000.0));
        int nb = (n + b - 1) / b;
        double[] m = blockMedians(x, b, nb);
        double t = Math.max(FLOOR_PA, NOISE_FACTOR * blockNoise(m));

        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        List<Excursion> excursions = new ArrayList<>();
        double sum = m[0];
        int cnt = 1;
        double level = m[0];
        int k = 1;
        while (k < nb) {
            if (Math.abs(m[k] - level) <= t) {
                sum += m[k];
                cnt++;
                level = sum / cnt;
                k++;
                continue;
            }
            int back = -1;
            for (int j = k + 1; j <= Math.min(k + MAX_EXCURSION_BLOCKS, nb - 1); j++) {
                if (Math.abs(m[j] - level) <= t) {
                    back = j;
                    break;
                }
            }
            if (back > 0) {
                excursions.add(new Excursion(k * b, Math.min(n, back * b)));
                k = back;
                continue;
            }
            int settled = -1;
            for (int j = k; j <= k + MAX_TRANSITION_BLOCKS && j + SETTLE_BLOCKS <= nb; j++) {
                if (range(m, j, j + SETTLE_BLOCKS) <= t) {
                    settled = j;
                    break;
                }
            }
            int seedBlocks = SETTLE_BLOCKS;
            if (settled >= 0 && Math.abs(Stats.mean(m, settled, settled + SETTLE_BLOCKS) - level) <= t) {
                // a longer disturbance that settles back where it was
                excursions.add(new Excursion(k * b, Math.min(n, settled * b)));
                k = settled;
                continue;
            }
            if (settled < 0) {
                settled = k;
                seedBlocks = 1;
            }
            double newLevel = Stats.mean(m, settled, settled + seedBlocks);
            int prevStart = starts.get(starts.size() - 1);
            int lo = Math.max(prevStart + 1, (k - 1) * b);
            int hi = Math.min(n, (settled + 1) * b);
            int cut = lo < hi ? halfWay(x, lo, hi, level, newLevel) : Math.min(prevStart + 1, n - 1);
            if (cut > prevStart && cut < n) {
                starts.add(cut);
            }
            sum = newLevel * seedBlocks;
            cnt = seedBlocks;
            level = newLevel;
            k = settled + seedBlocks;
        }

        List<Plateau> plateaus = new ArrayList<>(starts.size());
        for (int p = 0; p < starts.size(); p++) {
            int s = starts.get(p);
            int e = p + 1 < starts.size() ? starts.get(p + 1) : n;
            plateaus.add(new Plateau(s, e, level(x, m, b, s, e)));
        }
        return new Segmentation(mergeSplits(plateaus, x, m, b, t, samplingRateHz, excursions), t, excursions);
    }

    /**
     * Joins what the walk split although the current came back to the same level (within T/2):
     * two neighbours, or the neighbours of a plateau of at most {@value #MAX_SPLIT_MS} ms, which
     * becomes an excursion. A recorded current's spike-coupled transients (PYR2.abf: ±400 pA for a
     * few ms) can leave the walk without three calm blocks to settle on; without this the step
     * would start late.
     */
    static List<Plateau> mergeSplits(List<Plateau> in, double[] x, double[] m, int b, double t, double rateHz,
                                     List<Excursion> excursions) {
        int maxSplit = (int) Math.round(MAX_SPLIT_MS * rateHz / 1000.0);
        List<Plateau> out = new ArrayList<>(in.size());
        for (Plateau c : in) {
            int last = out.size() - 1;
            Plateau a = null;
            if (last >= 0 && Math.abs(out.get(last).levelPa() - c.levelPa()) <= t / 2) {
                a = out.remove(last);
            } else if (last >= 1 && out.get(last).length() <= maxSplit
                    && Math.abs(out.get(last - 1).levelPa() - c.levelPa()) <= t / 2) {
                Plateau split = out.remove(last);
                excursions.add(new Excursion(split.startIndex(), split.endIndex()));
                a = out.remove(last - 1);
            }
            if (a != null) {
                c = new Plateau(a.startIndex(), c.endIndex(), level(x, m, b, a.startIndex(), c.endIndex()));
            }
            out.add(c);
        }
        return out;
    }

    /** Median of the block medians lying wholly inside [s, e), or of the samples when none does. */
    private static double level(double[] x, double[] m, int b, int s, int e) {
        int firstBlock = (s + b - 1) / b;
        int endBlock = e / b; // exclusive
        if (e == x.length && e % b != 0 && endBlock * b >= s) {
            endBlock++; // the short last block of the sweep lies inside
        }
        if (endBlock - firstBlock >= 1) {
            return Stats.medianInPlace(Arrays.copyOfRange(m, firstBlock, endBlock));
        }
        return Stats.medianInPlace(Arrays.copyOfRange(x, s, e));
    }

    /**
     * Index in [lo, hi] of the first sample on the {@code to} side of the midpoint between the levels,
     * chosen as the cut with the fewest samples on the wrong side.
     */
    static int halfWay(double[] x, int lo, int hi, double from, double to) {
        double mid = (from + to) / 2;
        double sgn = Math.signum(to - from);
        int cost = 0;
        for (int j = lo; j < hi; j++) {
            if ((x[j] - mid) * sgn < 0) {
                cost++;
            }
        }
        int best = lo;
        int bestCost = cost;
        for (int j = lo; j < hi; j++) {
            cost += (x[j] - mid) * sgn >= 0 ? 1 : -1;
            if (cost < bestCost) {
                bestCost = cost;
                best = j + 1;
            }
        }
        return best;
    }

    static double[] blockMedians(double[] x, int b, int nb) {
        double[] m = new double[nb];
        double[] scratch = new double[b];
        for (int k = 0; k < nb; k++) {
            int s = k * b;
            int e = Math.min(x.length, s + b);
            double lo = x[s];
            double hi = x[s];
            for (int j = s + 1; j < e; j++) {
                double v = x[j];
                if (v < lo) {
                    lo = v;
                } else if (v > hi) {
                    hi = v;
                }
            }
            if (lo == hi) {
                m[k] = lo;
            } else {
                int len = e - s;
                System.arraycopy(x, s, scratch, 0, len);
                m[k] = Stats.medianInPlace(scratch, len);
            }
        }
        return m;
    }

    /**
     * σ of one block median, from the quietest stretches of the sweep: the median |m[k+1] − m[k]| in
     * each 50 ms chunk, then the 10th percentile over chunks, so that stimulus activity (noise, chirp,
     * ramps, steps) covering up to ~90 % of the sweep does not inflate it.
     */
    static double blockNoise(double[] m) {
        if (m.length < 2) {
            return 0;
        }
        int chunks = Math.max(1, (m.length - 1) / NOISE_CHUNK_BLOCKS);
        double[] medians = new double[chunks];
        double[] d = new double[NOISE_CHUNK_BLOCKS + m.length];
        for (int c = 0; c < chunks; c++) {
            int from = c * NOISE_CHUNK_BLOCKS;
            int to = c == chunks - 1 ? m.length - 1 : from + NOISE_CHUNK_BLOCKS;
            int len = 0;
            for (int k = from; k < to; k++) {
                d[len++] = Math.abs(m[k + 1] - m[k]);
            }
            medians[c] = Stats.medianInPlace(d, len);
        }
        double p10 = Stats.select(medians, chunks, chunks / 10);
        // |N(0, 2σ²)| has its median at 0.6745·√2·σ
        return p10 / (0.67449 * Math.sqrt(2));
    }

    private static double range(double[] m, int s, int e) {
        double lo = m[s];
        double hi = m[s];
        for (int j = s + 1; j < e; j++) {
            lo = Math.min(lo, m[j]);
            hi = Math.max(hi, m[j]);
        }
        return hi - lo;
    }
}
