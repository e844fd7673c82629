package org.patchmap.metadata.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.events.SimulatedOrigin;

import java.util.Map;

/** The truth of a simulated cell in {@link FileMetadataView}. */
@Schema(description = "A simulated cell's truth, as the archive that serves it states it in the asset's metadata")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SimulatedView(
        @Schema(description = "The model type, lowercase words with underscores, e.g. 'fast_spiking'") String type,
        @Schema(description = "The simulator and model; null when not stated") String model,
        @Schema(description = "The seed the cell was drawn with; null when not stated") Long seed,
        @Schema(description = "Parameter name (unit in the name) to its value, in name order; empty when none")
        Map<String, Double> parameters) {

    /** Null for null: a real cell has none. */
    static SimulatedView of(SimulatedOrigin s) {
        return s == null ? null : new SimulatedView(s.type(), s.model(), s.seed(), s.parameters());
    }
}
