package org.patchmap.core.features;

import org.patchmap.core.numeric.Stats;
import org.patchmap.core.protocol.FamilySweep;
import org.junit.jupiter.api.Test;
import org.patchmap.core.spikes.SpikeTrain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellFeatureExtractorTest {
    private final RcCell cell = RcCell.standard();
    private final double start = cell.startS();
    private final double end = cell.endS();

    /** Spikes from 100 pA on: (amp − 50) / 25 of them, latency shrinking with amplitude. */
    private Function<FamilySweep, SpikeTrain> spikesFromAmplitude(Map<Double, Integer> counts) {
        return s -> {
            int n = counts.getOrDefault(s.amplitudePa(), 0);
            return RcCell.train(n, start, end, 0.05);
        };
    }

    @Test
    void rcCellWithMadeUpSpikes() {
        List<FamilySweep> family = cell.family(-150, -100, -50, 0, 50, 100, 120, 140, 150, 180);
        Map<Double, Integer> counts = Map.of(100.0, 1, 120.0, 3, 140.0, 5, 150.0, 6, 180.0, 8);
        CellFeatures f = CellFeatureExtractor.extract(family, start, end, spikesFromAmplitude(counts));

        assertEquals(FeatureNames.ALL, List.copyOf(f.values().keySet()));
        assertEquals(150.0, f.value("input_resistance"), 1e-6);
        assertEquals(0.020, f.value("tau"), 1e-7);
        assertEquals(-70.0, f.value("v_baseline"), 1e-12);
        // subthreshold sweeps: −150..50 pA; peak_deflect −92.5, −85, −77.5, −70, −62.5: nearest −100 is −92.5
        assertEquals(-92.5, f.value("sag_measured_at"), 1e-9);
        assertEquals(0.0, f.value("sag_nearest_minus_100"), 1e-9);
        assertEquals(100.0, f.value("rheobase_i"));
        // avg_rate = n / 0.8 s over amplitudes 100, 120, 140, 150, 180
        double[] amps = {100, 120, 140, 150, 180};
        double[] rates = {1 / 0.8, 3 / 0.8, 5 / 0.8, 6 / 0.8, 8 / 0.8};
        assertEquals(Stats.slope(amps, rates), f.value("fi_linear_fit_slope"), 1e-12);

        // k = 0: the single-spike sweep at 100 pA
        assertEquals(-40.0, f.value("ap_1_threshold_v_0_long_square"));
        assertEquals(0.001, f.value("ap_1_width_0_long_square"));
        assertEquals(1 / 0.8, f.value("avg_rate_0_long_square"), 1e-12);
        assertEquals(0.05, f.value("latency_0_long_square"), 1e-12);
        assertNull(f.value("first_isi_0_long_square"));
        assertEquals("1 spike in sweep 6 (100 pA): no ISI", f.reason("first_isi_0_long_square"));
        assertEquals(100.0, f.value("stimulus_amplitude_0_long_square"));
        // k = 1 (120 pA): 3 spikes, thresholds −40, −39, −38
        assertEquals(-39.0, f.value("ap_mean_threshold_v_1_long_square"), 1e-12);
        assertEquals(-51.0, f.value("ap_mean_fast_trough_v_1_long_square"), 1e-12);
        assertEquals(0.0, f.value("adapt_1_long_square"));
        // k = 2 (140 pA), k = 4 (180 pA); k = 3 (160 pA) and k = 5 (200 pA) have no sweep
        assertEquals(140.0, f.value("stimulus_amplitude_2_long_square"));
        assertEquals(10.0, f.value("avg_rate_4_long_square"), 1e-12);
        assertNull(f.value("ap_1_peak_v_3_long_square"));
        assertEquals("no spiking sweep at 160 pA (rheobase + 60 pA)", f.reason("ap_1_peak_v_3_long_square"));
        assertEquals("no spiking sweep at 200 pA (rheobase + 100 pA)", f.reason("stimulus_amplitude_5_long_square"));
        assertTrue(f.value("fi_sqrt_fit_A") > 0);
        assertTrue(f.qcFailures().isEmpty(), f.qcFailures().toString());
        assertEquals("MΩ", f.units().get("input_resistance"));
        assertEquals("Hz/pA", f.units().get("fi_linear_fit_slope"));
        assertEquals("V/s", f.units().get("ap_mean_downstroke_3_long_square"));
        assertEquals("dimensionless", f.units().get("isi_cv_0_long_square"));
        assertEquals(10, f.sweeps().size());
    }

    @Test
    void aCellThatNeverFiresKeepsItsSubthresholdFeatures() {
        CellFeatures f = CellFeatureExtractor.extract(cell.family(-100, -50, 50), start, end,
                s -> RcCell.train(0, start, end, 0));
        assertEquals(150.0, f.value("input_resistance"), 1e-6);
        for (String name : List.of("rheobase_i", "fi_linear_fit_slope", "ap_1_threshold_v_0_long_square",
                "avg_rate_5_long_square", "fi_sqrt_fit_Ic")) {
            assertNull(f.value(name), name);
            assertEquals("no spiking sweep", f.reason(name), name);
        }
    }

    @Test
    void aDepolarisingOnlyFamilyHasNoRinOrTauButKeepsItsSpikeFeatures() {
        CellFeatures f = CellFeatureExtractor.extract(cell.family(40, 80, 120, 160), start, end,
                spikesFromAmplitude(Map.of(120.0, 2, 160.0, 4)));
        assertNull(f.value("input_resistance"));
        assertEquals("no subthreshold sweep between −200 and 0 pA", f.reason("input_resistance"));
        assertEquals("no subthreshold sweep between −200 and 0 pA", f.reason("tau"));
        assertEquals(-70 + 40 * 0.15, f.value("sag_measured_at"), 1e-6); // max of the 40 pA sweep
        assertEquals(120.0, f.value("rheobase_i"));
        assertEquals(2 / 0.8, f.value("avg_rate_0_long_square"), 1e-12);
        assertEquals(4 / 0.8, f.value("avg_rate_2_long_square"), 1e-12);
        assertNull(f.value("fi_sqrt_fit_A"));
        assertEquals("2 suprathreshold amplitudes, the f–I fit needs 3", f.reason("fi_sqrt_fit_A"));
    }

    @Test
    void repeatedAmplitudesUseTheSweepWithTheMedianRate() {
        List<FamilySweep> family = List.of(new FamilySweep(cell.sweep(1, 100), 100),
                new FamilySweep(cell.sweep(2, 100), 100), new FamilySweep(cell.sweep(3, 100), 100));
        Map<Object, Integer> counts = Map.of(1, 8, 2, 2, 3, 5);
        CellFeatures f = CellFeatureExtractor.extract(family, start, end,
                s -> RcCell.train(counts.get(s.label()), start, end, 0.01));
        assertEquals(5 / 0.8, f.value("avg_rate_0_long_square"), 1e-12);
    }

    @Test
    void aFailingSpikeDetectorCostsOnlyItsSweep() {
        CellFeatures f = CellFeatureExtractor.extract(cell.family(-100, -50, 100), start, end, s -> {
            if (s.amplitudePa() == 100) {
                throw new IllegalStateException("filter unstable");
            }
            return RcCell.train(0, start, end, 0);
        });
        assertEquals(150.0, f.value("input_resistance"), 1e-6);
        assertEquals("no spiking sweep (sweep 3: spike detection failed: filter unstable)", f.reason("rheobase_i"));
        assertEquals("spike detection failed: filter unstable", f.sweeps().get(2).spikeFailure());
    }

    @Test
    void anInvalidWindowGivesReasonsNotExceptions() {
        CellFeatures f = CellFeatureExtractor.extract(cell.family(-100), 1.0, 0.5, s -> RcCell.train(0, 0, 1, 0));
        assertTrue(f.values().values().stream().allMatch(v -> v == null));
        assertEquals("invalid long-square window [1.0, 0.5) s", f.reason("tau"));
    }

    @Test
    void aNegativeInputResistanceIsReportedAndFlagged() {
        // the 19926019 situation: one hyperpolarising sweep after a deeper pre-pulse
        FamilySweep s = new FamilySweep(cell.sweep(1, -50), -50);
        double[] v = s.sweep().voltageMv();
        for (int k = SweepWindow.index(s.sweep(), start - 0.1); k < SweepWindow.index(s.sweep(), start); k++) {
            v[k] = -85;
        }
        CellFeatures f = CellFeatureExtractor.extract(List.of(s), start, end, x -> RcCell.train(0, start, end, 0));
        double rin = f.value("input_resistance");
        assertTrue(rin < 0);
        assertTrue(f.qcFailures().get("input_resistance").matches("input_resistance −\\d+(\\.\\d)? MΩ outside 0..10000 MΩ"),
                f.qcFailures().get("input_resistance"));
    }
}
