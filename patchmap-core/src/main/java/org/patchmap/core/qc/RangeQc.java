package org.patchmap.core.qc;

import org.patchmap.core.features.CellFeatures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Spec section 6, physiological range QC, per feature: input_resistance > 0
 * and < 10 000 MΩ; sag −1..1; ap_1 threshold −100..100 mV; tau 0.01..600 ms; ap_1 width
 * 0.01..10 ms; ap_1 fast trough −100..0 mV; avg_rate 0..500 Hz; v_baseline −100..0 mV. The
 * ap_1 and avg_rate bounds apply at every rheobase-relative k. A failing value stays reported in
 * {@link CellFeatures#values()}; the failure goes to {@link CellFeatures#qcFailures()}, and
 * {@link MapFeatures} leaves it out.
 */
public final class RangeQc {
    /**
     * One range.
     *
     * @param label   how the reason names the quantity
     * @param applies which feature names it checks
     * @param lo      lower bound, in {@code unit}
     * @param hi      upper bound, in {@code unit}
     * @param open    bounds exclusive (else inclusive)
     * @param scale   feature value × scale = value in {@code unit}
     * @param unit    the unit the bounds are given in
     */
    public record Rule(String label, Predicate<String> applies, double lo, double hi, boolean open, double scale,
                       String unit) {
        boolean passes(double value) {
            double x = value * scale;
            return open ? x > lo && x < hi : x >= lo && x <= hi;
        }

        String reason(String name, double value) {
            String u = unit.isEmpty() ? "" : " " + unit;
            return name + " " + number(value * scale) + u + " outside " + number(lo) + ".." + number(hi) + u;
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule("input_resistance", "input_resistance"::equals, 0, 10_000, true, 1, "MΩ"),
            new Rule("sag", "sag_nearest_minus_100"::equals, -1, 1, false, 1, ""),
            new Rule("ap_1 threshold", n -> n.startsWith("ap_1_threshold_v_"), -100, 100, false, 1, "mV"),
            new Rule("tau", "tau"::equals, 0.01, 600, false, 1000, "ms"),
            new Rule("ap_1 width", n -> n.startsWith("ap_1_width_"), 0.01, 10, false, 1000, "ms"),
            new Rule("ap_1 fast trough", n -> n.startsWith("ap_1_fast_trough_v_"), -100, 0, false, 1, "mV"),
            new Rule("avg_rate", n -> n.startsWith("avg_rate_"), 0, 500, false, 1, "Hz"),
            new Rule("v_baseline", "v_baseline"::equals, -100, 0, false, 1, "mV"));

    private RangeQc() {
    }

    /** The features with their QC failures (feature name → reason) recorded. */
    public static CellFeatures apply(CellFeatures features) {
        Map<String, String> failures = new LinkedHashMap<>();
        features.values().forEach((name, value) -> {
            if (value == null) {
                return;
            }
            for (Rule rule : RULES) {
                if (rule.applies().test(name) && !rule.passes(value)) {
                    failures.put(name, rule.reason(name, value));
                }
            }
        });
        return features.withQcFailures(failures);
    }

    /** Short human form, with a proper minus sign: 10000, −12.6, 0.01. */
    static String number(double x) {
        String s;
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            s = String.valueOf((long) x);
        } else if (Math.abs(x) >= 100) {
            s = String.format(Locale.ROOT, "%.1f", x);
        } else {
            s = String.format(Locale.ROOT, "%.3g", x);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
        }
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
