package org.patchmap.core.qc;

import org.junit.jupiter.api.Test;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.FeatureNames;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RangeQcTest {
    private static CellFeatures cell(Map<String, Double> set) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String name : FeatureNames.ALL) {
            values.put(name, set.get(name));
            units.put(name, FeatureNames.unit(name));
            if (!set.containsKey(name)) {
                reasons.put(name, "not in this test");
            }
        }
        return new CellFeatures(List.of(), values, units, reasons, Map.of());
    }

    private static Map<String, Double> good() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("input_resistance", 150.0);
        m.put("tau", 0.02);
        m.put("v_baseline", -70.0);
        m.put("sag_nearest_minus_100", 0.1);
        m.put("ap_1_threshold_v_0_long_square", -40.0);
        m.put("ap_1_peak_v_0_long_square", 30.0);
        m.put("ap_1_upstroke_0_long_square", 300.0);
        m.put("ap_1_width_0_long_square", 0.001);
        m.put("ap_1_fast_trough_v_0_long_square", -50.0);
        m.put("ap_mean_threshold_v_0_long_square", -38.0);
        m.put("ap_mean_peak_v_0_long_square", 28.0);
        m.put("ap_mean_upstroke_0_long_square", 250.0);
        m.put("ap_mean_width_0_long_square", 0.0012);
        m.put("ap_mean_fast_trough_v_0_long_square", -48.0);
        m.put("avg_rate_0_long_square", 5.0);
        m.put("latency_0_long_square", 0.05);
        return m;
    }

    @Test
    void goodCellPassesAndGivesSixteenMapFeatures() {
        CellFeatures f = RangeQc.apply(cell(good()));
        assertTrue(f.qcFailures().isEmpty());
        MapFeatures map = MapFeatures.of(f);
        assertEquals(16, map.values().size());
        assertEquals(16, map.present());
        assertEquals(Math.log10(150), map.values().get("log10_input_resistance"), 1e-12);
        assertEquals(20.0, map.values().get("tau_ms"), 1e-12);
        assertEquals(1.0, map.values().get("ap_1_width_0_long_square_ms"), 1e-12);
        assertEquals(1.2, map.values().get("ap_mean_width_0_long_square_ms"), 1e-12);
        assertEquals("log10 MΩ", map.units().get("log10_input_resistance"));
    }

    @Test
    void eachRangeFailsOutsideItsBounds() {
        Map<String, Double> bad = good();
        bad.put("input_resistance", -12.636);
        bad.put("tau", 0.7);
        bad.put("v_baseline", 5.0);
        bad.put("sag_nearest_minus_100", -9.597);
        bad.put("ap_1_threshold_v_0_long_square", -120.0);
        bad.put("ap_1_width_0_long_square", 0.00000500);
        bad.put("ap_1_fast_trough_v_0_long_square", 3.0);
        bad.put("avg_rate_0_long_square", 600.0);
        bad.put("ap_1_threshold_v_3_long_square", 150.0);
        CellFeatures f = RangeQc.apply(cell(bad));
        assertEquals("input_resistance −12.6 MΩ outside 0..10000 MΩ", f.qcFailures().get("input_resistance"));
        assertEquals("tau 700 ms outside 0.01..600 ms", f.qcFailures().get("tau"));
        assertEquals("v_baseline 5 mV outside −100..0 mV", f.qcFailures().get("v_baseline"));
        assertEquals("sag_nearest_minus_100 −9.6 outside −1..1", f.qcFailures().get("sag_nearest_minus_100"));
        assertEquals("ap_1_threshold_v_0_long_square −120 mV outside −100..100 mV",
                f.qcFailures().get("ap_1_threshold_v_0_long_square"));
        assertEquals("ap_1_width_0_long_square 0.005 ms outside 0.01..10 ms",
                f.qcFailures().get("ap_1_width_0_long_square"));
        assertTrue(f.qcFailures().containsKey("ap_1_fast_trough_v_0_long_square"));
        assertTrue(f.qcFailures().containsKey("avg_rate_0_long_square"));
        assertTrue(f.qcFailures().containsKey("ap_1_threshold_v_3_long_square"));
        assertEquals(9, f.qcFailures().size());
        // the values stay reported
        assertEquals(-12.636, f.value("input_resistance"));

        MapFeatures map = MapFeatures.of(f);
        assertNull(map.values().get("log10_input_resistance"));
        assertEquals("QC: input_resistance −12.6 MΩ outside 0..10000 MΩ", map.reasons().get("log10_input_resistance"));
        assertNull(map.values().get("tau_ms"));
        assertEquals(28.0, map.values().get("ap_mean_peak_v_0_long_square"));
        assertEquals(8, map.present()); // 16 less the 8 that fail
    }

    @Test
    void boundsAreInclusiveExceptForInputResistance() {
        Map<String, Double> edge = good();
        edge.put("input_resistance", 0.0);
        edge.put("v_baseline", 0.0);
        edge.put("avg_rate_0_long_square", 0.0);
        edge.put("sag_nearest_minus_100", 1.0);
        CellFeatures f = RangeQc.apply(cell(edge));
        assertEquals(List.of("input_resistance"), List.copyOf(f.qcFailures().keySet()));
    }

    @Test
    void notComputableFeaturesKeepTheirReasonOnTheMap() {
        Map<String, Double> some = good();
        some.remove("tau");
        MapFeatures map = MapFeatures.of(RangeQc.apply(cell(some)));
        assertNull(map.values().get("tau_ms"));
        assertEquals("not in this test", map.reasons().get("tau_ms"));
        assertFalse(map.reasons().containsKey("v_baseline"));
    }
}
