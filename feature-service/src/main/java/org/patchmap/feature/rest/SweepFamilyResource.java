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
import org.patchmap.feature.store.SweepFamilyStore;

/** What this service has recorded of a cell's long-square family. */
@Path("/api/families")
@Tag(name = "families", description = "Long-square families received on patchmap.sweeps")
public class SweepFamilyResource {
    @Inject
    SweepFamilyStore families;

    @GET
    @Path("/{cellId: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The last long-square family received for a cell (window, sweeps, trace reference)")
    @APIResponse(responseCode = "404", description = "No family for this cell id")
    public SweepFamilyView family(@PathParam("cellId") String cellId) {
        return families.find(cellId).map(SweepFamilyView::of)
                .orElseThrow(() -> new NotFoundException("no family for cell " + cellId));
    }
}
