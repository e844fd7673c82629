package org.patchmap.events;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code patchmap.features}: the long-square features of one cell, keyed by {@link #cellId}.
 * Published by feature-service, consumed by embedding-service.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param cellId        stable cell id
 * @param provenance    where the file comes from
 * @param inputDigest   the {@link SweepFamilyEvent#inputDigest()} these features were computed from
 * @param features      ipfx feature name to value and unit; value null when not computable
 * @param qc            feature name to the reason it is null or out of range (absent when fine)
 * @param codeVersion   version of the code that computed them, e.g. "patchmap-core 0.1.0"
 * @param computedAt    when they were computed
 */
public record FeaturesEvent(int schemaVersion, String cellId, Provenance provenance, String inputDigest,
                            Map<String, FeatureValue> features, Map<String, String> qc, String codeVersion,
                            Instant computedAt) {
    public static final int SCHEMA_VERSION = 1;
    private static final String EVENT = Topics.FEATURES;

    public FeaturesEvent {
        Require.schema(EVENT, schemaVersion, SCHEMA_VERSION);
        Require.text(EVENT, "cellId", cellId);
        Require.present(EVENT, "provenance", provenance);
        Require.text(EVENT, "inputDigest", inputDigest);
        features = new TreeMap<>(Require.present(EVENT, "features", features));
        qc = qc == null ? Map.of() : new TreeMap<>(qc);
        for (Map.Entry<String, FeatureValue> e : features.entrySet()) {
            if (e.getValue() == null) {
                throw new InvalidEventException(EVENT + ": feature '" + e.getKey() + "' has no value object");
            }
            if (e.getValue().value() == null && !qc.containsKey(e.getKey())) {
                throw new InvalidEventException(EVENT + ": feature '" + e.getKey() + "' is null without a qc reason");
            }
        }
        Require.text(EVENT, "codeVersion", codeVersion);
        Require.present(EVENT, "computedAt", computedAt);
    }

    /**
     * One feature value.
     *
     * @param value the number, null when it could not be computed (the reason is in qc)
     * @param unit  its unit: "mV", "ms", "s", "pA", "MOhm", "Hz", "Hz/pA", "V/s", "1"
     */
    public record FeatureValue(Double value, String unit) {
        public FeatureValue {
            if (value != null && !Double.isFinite(value)) {
                throw new InvalidEventException(EVENT + ": a feature value is " + value + "; use null and a qc reason");
            }
            Require.text(EVENT, "unit", unit);
        }
    }
}
