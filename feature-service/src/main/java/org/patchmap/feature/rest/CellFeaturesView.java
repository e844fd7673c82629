package org.patchmap.feature.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.FeaturesEvent.FeatureValue;
import org.patchmap.events.Provenance;
import org.patchmap.feature.domain.PublishedFeatures;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/features/{cellId}}: the fields of the {@code patchmap.features} event, then the sweep table. */
@Schema(description = "A cell's long-square features as last published on patchmap.features, with the spikes of "
        + "each sweep they were computed from. Absent values are omitted.")
public record CellFeaturesView(
        @Schema(description = "Version of the patchmap.features contract") int schemaVersion,
        @Schema(description = "Stable cell id") String cellId,
        @Schema(description = "Where the recording comes from") Provenance provenance,
        @Schema(description = "The patchmap.sweeps digest these features were computed from") String inputDigest,
        @Schema(description = "ipfx feature name to its value and unit; no value when not computable")
        Map<String, FeatureValue> features,
        @Schema(description = "Feature name to why it has no value or is outside the physiological range")
        Map<String, String> qc,
        @Schema(description = "The code that computed them, e.g. 'patchmap-core 0.1.0'") String codeVersion,
        @Schema(description = "When they were computed (ISO-8601 UTC)") Instant computedAt,
        @Schema(description = "The family's sweeps in family order: stimulus and spikes")
        List<SweepSpikesView> sweeps) {

    static CellFeaturesView of(PublishedFeatures published) {
        FeaturesEvent e = published.event();
        return new CellFeaturesView(e.schemaVersion(), e.cellId(), e.provenance(), e.inputDigest(), e.features(),
                e.qc(), e.codeVersion(), e.computedAt(), published.sweeps().stream().map(SweepSpikesView::of).toList());
    }
}
