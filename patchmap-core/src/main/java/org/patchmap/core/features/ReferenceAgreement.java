package org.patchmap.core.features;

import java.util.List;
import java.util.function.Predicate;

/**
 * Spec section 7: when a feature value agrees with the ipfx reference. Within 1 % relative or
 * the feature's absolute tolerance, whichever is larger; null agrees only with null. The rules
 * are those of {@code shared/tools/compare_golden.py}, in the same order (the first match wins).
 */
public final class ReferenceAgreement {
    private record Rule(Predicate<String> applies, double tolerance) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(n -> n.contains("width"), 1.0 / 10000 + 1e-9), // one sample at >= 10 kHz
            new Rule(n -> n.startsWith("tau"), 0.001),
            new Rule(n -> n.contains("input_resistance"), 1.0),
            new Rule(n -> n.contains("upstroke_downstroke_ratio") || n.startsWith("sag_nearest")
                    || n.contains("isi_cv") || n.startsWith("adapt") || n.contains("fi_sqrt_fit_A"), 0.01),
            new Rule(n -> n.contains("upstroke") || n.contains("downstroke"), 2.0),
            new Rule(n -> n.endsWith("_v") || n.contains("_v_") || n.contains("v_baseline")
                    || n.contains("sag_measured_at"), 0.5),
            new Rule(n -> n.contains("rate") || n.contains("slope"), 0.01),
            new Rule(n -> n.contains("latency") || n.contains("isi"), 0.0002),
            new Rule(n -> n.contains("rheobase") || n.contains("amplitude") || n.contains("Ic"), 0.5));

    private ReferenceAgreement() {
    }

    /** The absolute tolerance of a feature, in its ipfx unit. */
    public static double tolerance(String name) {
        for (Rule r : RULES) {
            if (r.applies().test(name)) {
                return r.tolerance();
            }
        }
        return 0.01;
    }

    /** Whether {@code value} agrees with the reference {@code reference} (either may be null). */
    public static boolean agrees(String name, Double value, Double reference) {
        if (value == null || reference == null) {
            return value == null && reference == null;
        }
        return Math.abs(value - reference) <= Math.max(tolerance(name), 0.01 * Math.abs(reference));
    }
}
