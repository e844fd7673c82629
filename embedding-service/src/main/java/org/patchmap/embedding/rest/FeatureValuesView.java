package org.patchmap.embedding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/maps/current/values}: one map input of every cell of the current map. */
@Schema(description = "One of the 16 map inputs for every cell of the current map, in the row order of "
        + "/api/maps/current (the map's cells, then the placed ones)")
public record FeatureValuesView(@Schema(description = "the map version") String mapVersion,
                                @Schema(description = "the map input", example = "tau_ms") String feature,
                                @Schema(description = "its unit (map units)", example = "ms") String unit,
                                @Schema(description = "one value per cell, null where the cell lacks it")
                                Double[] values) {
}
