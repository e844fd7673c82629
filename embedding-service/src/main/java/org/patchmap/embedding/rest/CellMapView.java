package org.patchmap.embedding.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.core.map.MappedCell;
import org.patchmap.core.map.Neighbour;
import org.patchmap.core.map.Placement;
import org.patchmap.embedding.atlas.MapStatus;
import org.patchmap.embedding.atlas.OnMap;

import java.time.Instant;
import java.util.List;

/** Where a cell is on the current map: on it, placed on it, or neither and why. */
@Schema(description = "Where a cell is on the current map", oneOf = {CellMapView.Mapped.class,
        CellMapView.Placed.class, CellMapView.Unmapped.class})
public sealed interface CellMapView {

    static CellMapView of(OnMap onMap) {
        if (onMap instanceof OnMap.Mapped m) {
            MappedCell c = m.cell().cell();
            return new Mapped(m.mapVersion(), m.status(), c.x(), c.y(), c.pcaX(), c.pcaY(), c.cluster(), c.component(),
                    c.imputed(), NeighbourView.of(c.neighbours()));
        }
        if (onMap instanceof OnMap.Placed p) {
            Placement c = p.entry().placement();
            return new Placed(p.mapVersion(), c.x(), c.y(), c.cluster(), c.clusterProbability(),
                    RunnerUpView.of(c.clusterShares()), c.confidence(),
                    c.unlikeAtlas(), c.nearestDistance(), c.imputed(), NeighbourView.of(c.neighbours()),
                    p.entry().placedAt(), p.status());
        }
        OnMap.Unmapped u = (OnMap.Unmapped) onMap;
        return new Unmapped(u.mapVersion(), u.status(), u.reason());
    }

    @Schema(description = "A cell the map was built with")
    record Mapped(@Schema(description = "the current map version") String mapVersion,
                  @Schema(description = "mapped") MapStatus status,
                  @Schema(description = "UMAP x") double x,
                  @Schema(description = "UMAP y") double y,
                  @Schema(description = "first principal component of the scaled features") double pcaX,
                  @Schema(description = "second principal component") double pcaY,
                  @Schema(description = "Gaussian-mixture cluster (0 = largest)") int cluster,
                  @Schema(description = "connected component of the kNN graph") int component,
                  @Schema(description = "map features imputed for it") List<String> imputed,
                  @Schema(description = "nearest cells in scaled feature space, nearest first")
                  List<NeighbourView> neighbours) implements CellMapView {
    }

    @Schema(description = "A cell placed on the map without moving it")
    record Placed(@Schema(description = "the current map version") String mapVersion,
                  @Schema(description = "map x") double x,
                  @Schema(description = "map y") double y,
                  @Schema(description = "most likely cluster") int cluster,
                  @Schema(description = "bootstrap probability of that cluster, 0..1") double clusterProbability,
                  @Schema(description = "the other clusters some bootstrap rounds chose, largest share first")
                  List<RunnerUpView> runnersUp,
                  @Schema(description = "0..1; low when the cell is unlike any cell of the atlas") double confidence,
                  @Schema(description = "nothing in the atlas resembles it") boolean unlikeAtlas,
                  @Schema(description = "distance in scaled feature space to the nearest reference cell")
                  double nearestDistance,
                  @Schema(description = "map features imputed for it") List<String> imputed,
                  @Schema(description = "nearest reference cells, nearest first") List<NeighbourView> neighbours,
                  @Schema(description = "when it was placed")
                  @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSxxx",
                          timezone = "UTC") Instant placedAt,
                  @Schema(description = "placed") MapStatus status) implements CellMapView {
    }

    @Schema(description = "A cell neither on the map nor placed on it")
    record Unmapped(@Schema(description = "the current map version") String mapVersion,
                    @Schema(description = "left_off (in the map's input, too few features) or not_placed")
                    MapStatus status,
                    @Schema(description = "why") String reason) implements CellMapView {
    }

    @Schema(description = "A nearby cell in scaled feature space")
    record NeighbourView(@Schema(description = "its id") String cellId,
                         @Schema(description = "cosine distance, 0 = same direction") double distance) {
        static List<NeighbourView> of(List<Neighbour> near) {
            return near.stream().map(n -> new NeighbourView(n.cellId(), n.distance())).toList();
        }
    }
}
