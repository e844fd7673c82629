package org.patchmap.core.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long-square features of one cell (spec sections 4 to 6), ipfx names and units.
 *
 * @param sweeps     the sweep table the features were computed from, in family order
 * @param values     feature name → value in its unit, every name of {@link FeatureNames#ALL} in that
 *                   order; null when not computable
 * @param units      feature name → unit
 * @param reasons    feature name → why it is null (only for null features)
 * @param qcFailures feature name → why its (reported) value fails the physiological range QC of
 *                   spec section 6
 */
public record CellFeatures(List<SweepFeatures> sweeps, Map<String, Double> values, Map<String, String> units,
                           Map<String, String> reasons, Map<String, String> qcFailures) {
    public CellFeatures {
        sweeps = List.copyOf(sweeps);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // keeps order and nulls
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        qcFailures = Collections.unmodifiableMap(new LinkedHashMap<>(qcFailures));
    }

    /** The value, or null when not computable (or unknown name). */
    public Double value(String name) {
        return values.get(name);
    }

    /** Why {@code name} is null, or null when it has a value. */
    public String reason(String name) {
        return reasons.get(name);
    }

    /** The same features with the given QC failures. */
    public CellFeatures withQcFailures(Map<String, String> failures) {
        return new CellFeatures(sweeps, values, units, reasons, failures);
    }

    /** Collects features in schema order; NaN becomes null with its reason. */
    static final class Builder {
        private final Map<String, Double> values = new LinkedHashMap<>();
        private final Map<String, String> reasons = new LinkedHashMap<>();

        Builder() {
            for (String name : FeatureNames.ALL) {
                values.put(name, null);
                reasons.put(name, "not computed");
            }
        }

        Builder put(String name, FeatureValue v) {
            return put(name, v.value(), v.reason());
        }

        Builder put(String name, double value, String reasonIfNotFinite) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("not a cell feature: " + name);
            }
            if (Double.isFinite(value)) {
                values.put(name, value);
                reasons.remove(name);
            } else {
                values.put(name, null);
                reasons.put(name, reasonIfNotFinite == null ? "not finite" : reasonIfNotFinite);
            }
            return this;
        }

        /** Sets {@code name} to null with {@code reason}. */
        Builder missing(String name, String reason) {
            return put(name, Double.NaN, reason);
        }

        CellFeatures build(List<SweepFeatures> sweeps) {
            Map<String, String> units = new LinkedHashMap<>();
            for (String name : values.keySet()) {
                units.put(name, FeatureNames.unit(name));
            }
            Map<String, String> r = new LinkedHashMap<>();
            for (String name : values.keySet()) {
                if (reasons.containsKey(name)) {
                    r.put(name, reasons.get(name));
                }
            }
            return new CellFeatures(sweeps, values, units, r, Map.of());
        }
    }
}
