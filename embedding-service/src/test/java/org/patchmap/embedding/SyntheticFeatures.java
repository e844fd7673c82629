package org.patchmap.embedding;

import org.patchmap.core.features.FeatureNames;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.FeaturesEvent.FeatureValue;
import org.patchmap.events.Provenance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic cells (SyntheticCells: feature values of 4 cell types) as valid {@code patchmap.features} events of
 * DANDI files.
 */
public final class SyntheticFeatures {
    /** The 100 cells the map tests build their maps from. */
    public static final List<SyntheticCells.Row> ROWS = List.copyOf(SyntheticCells.generate(100, 4, 0.03, 7));

    private SyntheticFeatures() {
    }

    /** A cell's features event: the row's values, units from the feature schema. */
    public static FeaturesEvent event(String cellId, Provenance provenance, Map<String, Double> raw) {
        Map<String, FeatureValue> features = new LinkedHashMap<>();
        Map<String, String> qc = new LinkedHashMap<>();
        raw.forEach((name, v) -> {
            features.put(name, new FeatureValue(v, FeatureNames.unit(name)));
            if (v == null) {
                qc.put(name, "no spike at rheobase");
            }
        });
        return new FeaturesEvent(1, cellId, provenance, "sha2-256:" + Integer.toHexString(cellId.hashCode()) + "#1",
                features, qc, "patchmap-core 0.1.0", Instant.parse("2026-11-24T10:00:00Z"));
    }

    public static String dandiId(SyntheticCells.Row row) {
        return "dandi:" + row.dandiset() + "/sub-" + row.cellId() + "/" + row.cellId() + "_icephys.nwb";
    }

    public static Provenance provenance(SyntheticCells.Row row) {
        return Provenance.dandi(row.dandiset(), "0.240101.0000", "asset-" + row.cellId(),
                "sub-" + row.cellId() + "/" + row.cellId() + "_icephys.nwb");
    }

    /** Sends each row's features event, keyed by its cell id. */
    public static void sendDandi(String topic, List<SyntheticCells.Row> rows) {
        for (SyntheticCells.Row row : rows) {
            KafkaTestClient.send(topic, dandiId(row), EventJson.write(event(dandiId(row), provenance(row), row.raw())));
        }
    }
}
