package org.patchmap.feature.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    public Document features(@PathParam("cellId") String cellId) {
        return features.find(cellId).orElseThrow(() -> new NotFoundException("no features for cell " + cellId));
    }
}
