package org.patchmap.core.map;

import org.patchmap.core.qc.MapFeatures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic cells for the map's benchmark and tests: a mixture of cell types, each with its own
 * mean of the 16 raw map features inside plausible ranges (ipfx units) and a spread of 15% of each range (types overlap, as real ones do),
 * types of unequal size, dandisets of 50 to 400 cells, and a share of values missing at random. Not data:
 * a workload of realistic shape.
 */
public final class SyntheticCells {
    /** Plausible raw range per map-feature source, in {@link MapFeatures#INPUTS} order (ipfx units). */
    private static final double[][] RANGES = {
            {50, 600},        // input_resistance MΩ (drawn on a log scale)
            {0.005, 0.045},   // tau s
            {-78, -58},       // v_baseline mV
            {0.0, 0.35},      // sag_nearest_minus_100
            {-52, -32},       // ap_1 threshold mV
            {15, 45},         // ap_1 peak mV
            {120, 550},       // ap_1 upstroke V/s
            {0.0003, 0.0016}, // ap_1 width s
            {-62, -38},       // ap_1 fast trough mV
            {-50, -30},       // ap_mean threshold mV
            {10, 40},         // ap_mean peak mV
            {100, 500},       // ap_mean upstroke V/s
            {0.00035, 0.0018},// ap_mean width s
            {-60, -36},       // ap_mean fast trough mV
            {1, 30},          // avg_rate_0 Hz
            {0.02, 0.6}};     // latency_0 s
    private static final double SPREAD = 0.15;

    private SyntheticCells() {
    }

    /**
     * @param cells       how many
     * @param types       cell types in the mixture
     * @param missingRate chance that any one value is missing
     * @param seed        everything derives from it
     */
    public static List<Row> generate(int cells, int types, double missingRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int dims = RANGES.length;
        double[][] means = new double[types][dims];
        double[] weight = new double[types];
        double total = 0;
        for (int t = 0; t < types; t++) {
            for (int f = 0; f < dims; f++) {
                means[t][f] = random.nextDouble();
            }
            weight[t] = 0.5 + random.nextDouble();
            total += weight[t];
        }
        List<Row> rows = new ArrayList<>(cells);
        int dandiset = 0;
        int left = 0;
        for (int i = 0; i < cells; i++) {
            if (left == 0) {
                dandiset++;
                left = 50 + random.nextInt(351);
            }
            left--;
            double u = random.nextDouble() * total;
            int type = 0;
            while (type < types - 1 && u >= weight[type]) {
                u -= weight[type++];
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (int f = 0; f < dims; f++) {
                double z = means[type][f] + SPREAD * gaussian(random);
                double v = f == 0 ? Math.exp(Math.log(RANGES[0][0]) + z * Math.log(RANGES[0][1] / RANGES[0][0]))
                        : RANGES[f][0] + z * (RANGES[f][1] - RANGES[f][0]);
                boolean missing = random.nextDouble() < missingRate;
                values.put(MapFeatures.INPUTS.get(f).source(), missing ? null : v);
            }
            rows.add(new Row(String.format(Locale.ROOT, "cell-%05d", i), String.format(Locale.ROOT, "%06d", dandiset), type, values));
        }
        return rows;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * One synthetic cell.
     *
     * @param cellId   id
     * @param dandiset dandiset id
     * @param type     the type it was drawn from
     * @param raw      raw features by ipfx name (null = missing), in {@link MapFeatures#INPUTS} order
     */
    public record Row(String cellId, String dandiset, int type, Map<String, Double> raw) {
        public MapCell cell() {
            return MapCell.fromRaw(cellId, dandiset, raw);
        }
    }
}
