package org.patchmap.embedding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.embedding.atlas.AtlasTable;
import org.patchmap.embedding.atlas.CellPage;

import java.util.List;

/** {@code GET /api/cells}: one page of the filtered map cells. */
@Schema(description = "One page of the current map's cells a filter matches")
public record CellPageView(@Schema(description = "the map version") String mapVersion,
                           @Schema(description = "cells matching the filter, on every page") int total,
                           @Schema(description = "this page, from 0") int page,
                           @Schema(description = "cells per page") int size,
                           @Schema(description = "the cells of this page") List<Row> cells) {

    static CellPageView of(CellPage p) {
        AtlasTable t = p.table();
        List<Row> rows = p.rows().stream().map(i -> new Row(t.ids()[i], t.dandisets()[i], t.species()[i],
                t.regions()[i], t.x()[i], t.y()[i], t.clusters()[i])).toList();
        return new CellPageView(t.mapVersion(), p.total(), p.page(), p.size(), rows);
    }

    @Schema(description = "A cell of the map")
    public record Row(@Schema(description = "cell id") String cellId,
                      @Schema(description = "DANDI dandiset id, null for uploads") String dandiset,
                      @Schema(description = "species label, null when unknown") String species,
                      @Schema(description = "brain region label, null when unknown") String region,
                      @Schema(description = "UMAP x") double x,
                      @Schema(description = "UMAP y") double y,
                      @Schema(description = "Gaussian-mixture cluster") int cluster) {
    }
}
