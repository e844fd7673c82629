package org.patchmap.core.features;

/**
 * A computed feature, or why it could not be computed: {@code value} is finite, or NaN with a
 * {@code reason} (never an exception for "not computable", see style.md).
 *
 * @param value  the value in the feature's unit, NaN when not computable
 * @param reason why the value is NaN; null when it is finite
 */
public record FeatureValue(double value, String reason) {
    public static FeatureValue of(double value, String reasonIfNotFinite) {
        return Double.isFinite(value) ? new FeatureValue(value, null) : new FeatureValue(Double.NaN, reasonIfNotFinite);
    }

    public static FeatureValue missing(String reason) {
        return new FeatureValue(Double.NaN, reason);
    }

    public boolean isFinite() {
        return Double.isFinite(value);
    }
}
