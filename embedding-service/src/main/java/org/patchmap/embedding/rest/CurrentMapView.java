package org.patchmap.embedding.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.core.map.MapParameters;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.embedding.atlas.AtlasTable;
import org.patchmap.embedding.store.ParameterFields;

import java.util.List;

/**
 * {@code GET /api/maps/current} as JSON: the cells as columns, so that 100,000 cells stay compact; the cells built
 * into the map first, then the cells placed on it.
 */
@Schema(description = "The current map: its version and parameters, and its cells as columns (row i of every "
        + "column is one cell)")
public record CurrentMapView(
        @Schema(description = "map version id, <UTC second>-<6 hex digits>") String mapVersion,
        @Schema(description = "when the map was built (ISO-8601)") String createdAt,
        @Schema(description = "the code that built it") String codeVersion,
        @Schema(description = "everything that shaped the map, seed included") Parameters parameters,
        @Schema(description = "cells built into the map: the first cellCount rows of every column") int cellCount,
        @Schema(description = "cells placed on the map (not built into it): the rows after those") int placedCount,
        @Schema(description = "names of the 16 map inputs, the order of each cell's values") List<String> features,
        @Schema(description = "the cells, column by column") Columns cells) {

    static CurrentMapView of(AtlasTable t) {
        return new CurrentMapView(t.mapVersion(), t.createdAt().toString(), t.codeVersion(),
                new Parameters(t.parameters(), ParameterFields.METRIC), t.mappedCount(), t.placedCount(),
                MapFeatures.NAMES, new Columns(t.ids(), t.x(), t.y(), t.clusters(), t.dandisets(), t.species(),
                t.regions(), t.simulatedTypes(), t.ageDays(), t.temperatureC(), placed(t), t.values(), t.labs()));
    }

    private static boolean[] placed(AtlasTable t) {
        boolean[] placed = new boolean[t.size()];
        for (int i = 0; i < placed.length; i++) {
            placed[i] = t.placed(i);
        }
        return placed;
    }

    @Schema(description = "The map's parameters (UMAP, imputation, clustering, placement, seed) and its distance")
    public record Parameters(@JsonUnwrapped MapParameters parameters,
                             @Schema(description = "distance between cells' scaled features", example = "cosine")
                             String metric) {
    }

    @Schema(description = "The map's cells as columns")
    public record Columns(@Schema(description = "cell ids") String[] id,
                          @Schema(description = "UMAP x") double[] x,
                          @Schema(description = "UMAP y") double[] y,
                          @Schema(description = "Gaussian-mixture cluster (0 = largest)") int[] cluster,
                          @Schema(description = "DANDI dandiset id, null for uploads") String[] dandiset,
                          @Schema(description = "species label, null when unknown") String[] species,
                          @Schema(description = "brain region label, null when unknown") String[] region,
                          @Schema(description = "the simulated cell's model type, null for a real cell")
                          String[] simulatedType,
                          @Schema(description = "the animal's age in days, null when unknown") Double[] ageDays,
                          @Schema(description = "the recording temperature in degrees Celsius, null when unknown")
                          Double[] temperatureC,
                          @Schema(description = "true for a cell placed on the map (an upload, or a reference cell "
                                  + "waiting for the next map), false for one built into it")
                          boolean[] placed,
                          @Schema(description = "the 16 map inputs in map units, null where missing")
                          Double[][] values,
                          @Schema(description = "the lab that recorded the cell (the file's lab and institution, "
                                  + "else the one its dandiset's contributors name), null when unknown")
                          String[] lab) {
    }
}
