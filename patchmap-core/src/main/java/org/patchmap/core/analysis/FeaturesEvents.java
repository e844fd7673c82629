package org.patchmap.core.analysis;

import org.patchmap.core.CodeVersion;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.SweepFamilyEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cell's features as the {@code patchmap.features} event carries them: every feature with its
 * unit; null with the reason in {@code qc} when not computable; a value failing the range QC is
 * kept with its QC reason in {@code qc}, so that the map leaves it out and a scientist still sees it.
 */
public final class FeaturesEvents {
    private FeaturesEvents() {
    }

    public static FeaturesEvent of(SweepFamilyEvent family, CellFeatures features, Instant computedAt) {
        Map<String, FeaturesEvent.FeatureValue> values = new LinkedHashMap<>();
        features.values().forEach((name, v) -> values.put(name,
                new FeaturesEvent.FeatureValue(v, features.units().get(name))));
        Map<String, String> qc = new LinkedHashMap<>(features.reasons());
        qc.putAll(features.qcFailures());
        return new FeaturesEvent(FeaturesEvent.SCHEMA_VERSION, family.cellId(), family.provenance(),
                family.inputDigest(), values, qc, CodeVersion.current(), computedAt);
    }
}
