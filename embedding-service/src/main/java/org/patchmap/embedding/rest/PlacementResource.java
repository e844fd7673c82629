package org.patchmap.embedding.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.core.map.Placement;
import org.patchmap.embedding.map.LivingMap;
import org.patchmap.embedding.map.MapInputs;

import java.util.Map;

/** Places features a user sends on the current map; nothing is stored and the map does not move. */
@Path("/api/placements")
@Tag(name = "placements", description = "Where a cell would land on the current map")
public class PlacementResource {
    /**
     * @param cellId   optional name for the cell (default "submitted")
     * @param features raw ipfx feature name → value (input_resistance in MΩ, tau and widths in s, ...)
     */
    @Schema(description = "Features to place on the current map")
    public record PlacementRequest(@Schema(description = "optional name for the cell (default \"submitted\")")
                                   String cellId,
                                   @Schema(description = "raw ipfx feature name to value (input_resistance in MΩ, "
                                           + "tau and widths in s, ...)") Map<String, Double> features) {
    }

    @Inject
    LivingMap living;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place raw ipfx features on the current map: position, neighbours, cluster probability, "
            + "confidence; 404 before the first map")
    public PlacementView place(PlacementRequest request) {
        if (request == null || request.features() == null || request.features().isEmpty()) {
            throw ApiException.badRequest("the body needs 'features': raw ipfx feature name to value");
        }
        String id = request.cellId() == null || request.cellId().isBlank() ? "submitted" : request.cellId();
        Placement p = living.place(MapInputs.cell(id, null, request.features(), Map.of()))
                .orElseThrow(() -> ApiException.notFound(living.live().isEmpty() ? MapResource.NO_MAP
                        : "the current map is being restored; try again in a few seconds"));
        if (!p.placed()) {
            throw badPlacement(id, p.leftOff());
        }
        return PlacementView.of(p);
    }

    private static ApiException badPlacement(String id, String why) {
        return new ApiException(422, "cell " + id + " cannot be placed: " + why);
    }
}
