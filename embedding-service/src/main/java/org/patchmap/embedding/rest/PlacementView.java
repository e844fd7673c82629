package org.patchmap.embedding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.core.map.Placement;
import org.patchmap.embedding.rest.CellMapView.NeighbourView;

import java.util.List;

/** {@code POST /api/placements}: where submitted features land on the current map. */
@Schema(description = "Where a cell lands on the current map (the map itself unchanged)")
public record PlacementView(@Schema(description = "the cell's name") String cellId,
                            @Schema(description = "map x") double x,
                            @Schema(description = "map y") double y,
                            @Schema(description = "most likely cluster") int cluster,
                            @Schema(description = "share of bootstrap rounds over feature subsets that chose the "
                                    + "cluster") double clusterProbability,
                            @Schema(description = "the other clusters some rounds chose, largest share first")
                            List<RunnerUpView> runnersUp,
                            @Schema(description = "nearest reference cells, nearest first")
                            List<NeighbourView> neighbours,
                            @Schema(description = "distance in scaled feature space to the nearest reference cell")
                            double nearestDistance,
                            @Schema(description = "0..1: 1 = as close to the atlas as any of its cells")
                            double confidence,
                            @Schema(description = "nothing in the atlas resembles it") boolean unlikeAtlas,
                            @Schema(description = "map features imputed for it") List<String> imputed,
                            @Schema(description = "why it was not placed; null (placed)") String leftOff) {

    static PlacementView of(Placement p) {
        return new PlacementView(p.cellId(), p.x(), p.y(), p.cluster(), p.clusterProbability(),
                RunnerUpView.of(p.clusterShares()), NeighbourView.of(p.neighbours()), p.nearestDistance(),
                p.confidence(), p.unlikeAtlas(), p.imputed(), p.leftOff());
    }
}
