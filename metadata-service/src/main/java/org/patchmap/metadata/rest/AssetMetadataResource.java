package org.patchmap.metadata.rest;

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
import org.patchmap.metadata.store.AssetMetadataStore;

/** The DANDI metadata kept for a file, as received. */
@Path("/api/asset-metadata")
@Tag(name = "metadata", description = "Per-file metadata received on patchmap.assets")
public class AssetMetadataResource {
    @Inject
    AssetMetadataStore store;

    @GET
    @Path("/{fileKey: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The DANDI asset metadata kept for a file key, as received")
    @APIResponse(responseCode = "404", description = "No metadata received for this file key")
    public AssetMetadataView metadata(@PathParam("fileKey") String fileKey) {
        return store.find(fileKey).map(AssetMetadataView::of)
                .orElseThrow(() -> new NotFoundException("no metadata for " + fileKey));
    }
}
