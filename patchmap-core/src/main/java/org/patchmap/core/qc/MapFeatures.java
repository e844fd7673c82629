package org.patchmap.core.qc;

import org.patchmap.core.features.CellFeatures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Spec section 6, the 16 map-input features of a cell: input_resistance (as log10 MΩ), tau (ms),
 * v_baseline, sag_nearest_minus_100, and at k = 0 for both ap_1 and ap_mean threshold_v, peak_v,
 * upstroke, width (ms) and fast_trough_v, plus avg_rate_0 and latency_0. A feature that is not
 * computable or fails the {@link RangeQc} is null here, with the reason.
 *
 * @param values  map feature name → value (null when left out), in {@link #NAMES} order
 * @param units   map feature name → unit
 * @param reasons map feature name → why it is null
 */
public record MapFeatures(Map<String, Double> values, Map<String, String> units, Map<String, String> reasons) {
    /**
     * How a map feature is made from a cell feature.
     *
     * @param name      map feature name
     * @param source    the cell feature it comes from
     * @param transform cell value → map value
     * @param unit      unit of the map value
     */
    public record Input(String name, String source, DoubleUnaryOperator transform, String unit) {
    }

    public static final List<Input> INPUTS = List.of(
            new Input("log10_input_resistance", "input_resistance", Math::log10, "log10 MΩ"),
            new Input("tau_ms", "tau", x -> x * 1000, "ms"),
            new Input("v_baseline", "v_baseline", x -> x, "mV"),
            new Input("sag_nearest_minus_100", "sag_nearest_minus_100", x -> x, "dimensionless"),
            same("ap_1_threshold_v_0_long_square", "mV"),
            same("ap_1_peak_v_0_long_square", "mV"),
            same("ap_1_upstroke_0_long_square", "V/s"),
            new Input("ap_1_width_0_long_square_ms", "ap_1_width_0_long_square", x -> x * 1000, "ms"),
            same("ap_1_fast_trough_v_0_long_square", "mV"),
            same("ap_mean_threshold_v_0_long_square", "mV"),
            same("ap_mean_peak_v_0_long_square", "mV"),
            same("ap_mean_upstroke_0_long_square", "V/s"),
            new Input("ap_mean_width_0_long_square_ms", "ap_mean_width_0_long_square", x -> x * 1000, "ms"),
            same("ap_mean_fast_trough_v_0_long_square", "mV"),
            same("avg_rate_0_long_square", "Hz"),
            same("latency_0_long_square", "s"));

    public static final List<String> NAMES = INPUTS.stream().map(Input::name).toList();

    public MapFeatures {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    private static Input same(String name, String unit) {
        return new Input(name, name, x -> x, unit);
    }

    /** The map features of a cell whose range QC has been applied ({@link RangeQc#apply}). */
    public static MapFeatures of(CellFeatures cell) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Input in : INPUTS) {
            units.put(in.name(), in.unit());
            Double v = cell.value(in.source());
            String qc = cell.qcFailures().get(in.source());
            if (v == null) {
                values.put(in.name(), null);
                reasons.put(in.name(), cell.reason(in.source()));
            } else if (qc != null) {
                values.put(in.name(), null);
                reasons.put(in.name(), "QC: " + qc);
            } else {
                double x = in.transform().applyAsDouble(v);
                values.put(in.name(), Double.isFinite(x) ? x : null);
                if (!Double.isFinite(x)) {
                    reasons.put(in.name(), in.source() + " " + v + " has no " + in.unit() + " value");
                }
            }
        }
        return new MapFeatures(values, units, reasons);
    }

    /** Number of map features that have a value. */
    public int present() {
        return (int) values.values().stream().filter(v -> v != null).count();
    }
}
