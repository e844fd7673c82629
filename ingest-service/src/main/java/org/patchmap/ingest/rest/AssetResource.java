package org.patchmap.ingest.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.ingest.store.AssetLedger;

/** The asset ledger, for operators: what ingest knows of a file. */
@Path("/api/assets")
@Tag(name = "assets", description = "Files received on patchmap.assets and their processing status")
public class AssetResource {
    @Inject
    AssetLedger ledger;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The ledger entry of one file version, by file key and digest")
    @APIResponse(responseCode = "200", description = "The entry: status pending, or the extraction's outcome")
    @APIResponse(responseCode = "400", description = "fileKey or digest missing")
    @APIResponse(responseCode = "404", description = "No such file version")
    public AssetLedger.Entry asset(@QueryParam("fileKey") String fileKey, @QueryParam("digest") String digest) {
        if (fileKey == null || digest == null) {
            throw new jakarta.ws.rs.BadRequestException("query parameters 'fileKey' and 'digest' are required");
        }
        return ledger.find(fileKey, digest)
                .orElseThrow(() -> new NotFoundException("no asset " + fileKey + " with digest " + digest));
    }
}
