package org.patchmap.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.ingest.store.UploadStore;
import org.patchmap.ingest.upload.UploadExpiry;
import org.patchmap.ingest.rest.UploadResource.UploadView;

import java.time.Instant;

/** An operator keeps an upload beyond {@code UPLOAD_RETENTION}: {@code POST /api/admin/uploads/{id}/admit}. */
@Path("/api/admin/uploads")
@Tag(name = "uploads")
public class UploadAdminResource {
    @Inject
    UploadStore store;

    @Inject
    UploadExpiry expiry;

    @POST
    @Path("/{id}/admit")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admits an upload: its data never expire (a second admission keeps the first time)")
    @APIResponse(responseCode = "200", description = "The upload, with admittedAt and no expiresAt",
            content = @Content(schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    @APIResponse(responseCode = "404", description = "No such upload (or it expired)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response admit(@PathParam("id") String id) {
        return store.admit(id, Instant.now())
                .map(u -> Response.ok(UploadView.of(u, expiry.expiresAt(u))).type(MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND.getStatusCode(), "no upload " + id));
    }
}
