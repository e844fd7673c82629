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
import org.patchmap.feature.compute.FirstSpikes;
import org.patchmap.feature.domain.RecordedFamily;
import org.patchmap.feature.store.CellFeatureStore;
import org.patchmap.feature.store.SweepFamilyStore;

/** What this service knows of a cell: the long-square family it received, the features it computed. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CellResource {
    @Inject
    CellFeatureStore features;

    @Inject
    SweepFamilyStore families;

    @Inject
    FirstSpikes firstSpikes;

    @GET
    @Path("/features/{cellId: .+}")
    @Tag(name = "features", description = "Cell features computed from patchmap.sweeps")
    @Operation(summary = "A cell's features (ipfx names and units), per-feature QC reasons and spikes per sweep")
    @APIResponse(responseCode = "404", description = "No features for this cell id")
    public CellFeaturesView features(@PathParam("cellId") String cellId) {
        return features.find(cellId).map(CellFeaturesView::of)
                .orElseThrow(() -> new NotFoundException("no features for cell " + cellId));
    }

    @GET
    @Path("/features/{cellId: .+}/first-spike")
    @Tag(name = "features")
    @Operation(summary = "A cell's first action potential at full resolution: v and dV/dt of every sample from 2 ms "
            + "before the threshold of its rheobase sweep's first spike to 5 ms after")
    @APIResponse(responseCode = "404", description = "No family for this cell id, or no action potential in it")
    @APIResponse(responseCode = "502", description = "The cell's stored traces cannot be read")
    public FirstSpikeView firstSpike(@PathParam("cellId") String cellId) {
        RecordedFamily recorded = families.find(cellId)
                .orElseThrow(() -> new NotFoundException("no long-square family for cell " + cellId));
        return firstSpikes.of(recorded.family()).map(first -> FirstSpikeView.of(cellId, first))
                .orElseThrow(() -> new NotFoundException(cellId + " has no action potential in its long-square sweeps"));
    }

    @GET
    @Path("/families/{cellId: .+}")
    @Tag(name = "families", description = "Long-square families received on patchmap.sweeps")
    @Operation(summary = "The last long-square family received for a cell (window, sweeps, trace reference)")
    @APIResponse(responseCode = "404", description = "No family for this cell id")
    public SweepFamilyView family(@PathParam("cellId") String cellId) {
        return families.find(cellId).map(SweepFamilyView::of)
                .orElseThrow(() -> new NotFoundException("no family for cell " + cellId));
    }
}
