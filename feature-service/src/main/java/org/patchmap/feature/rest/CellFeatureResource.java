package org.patchmap.feature.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.feature.store.CellFeatureStore;

/** A cell's long-square features, as last computed and published. */
@Path("/api/features")
@Tag(name = "features", description = "Cell features computed from patchmap.sweeps")
public class CellFeatureResource {
    @Inject
    CellFeatureStore features;

    @GET
    @Path("/{cellId: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A cell's features (ipfx names and units), per-feature QC reasons and spikes per sweep")
    @APIResponse(responseCode = "404", description = "No features for this cell id")
    public CellFeaturesView features(@PathParam("cellId") String cellId) {
        return features.find(cellId).map(CellFeaturesView::of)
                .orElseThrow(() -> new NotFoundException("no features for cell " + cellId));
    }
}
