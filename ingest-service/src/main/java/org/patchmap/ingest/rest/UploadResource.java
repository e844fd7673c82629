package org.patchmap.ingest.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.patchmap.ingest.store.AssetStatus;
import org.patchmap.ingest.store.UploadStatus;
import org.patchmap.ingest.store.UploadStore;
import org.patchmap.ingest.store.UploadStore.Upload;
import org.patchmap.ingest.upload.UploadExpiry;
import org.patchmap.ingest.upload.UploadIntake;
import org.patchmap.ingest.upload.UploadRejectedException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Users' own NWB and ABF files: {@code POST /api/uploads} (multipart field {@code file}) answers
 * 202 with the upload's id and links, then {@code GET /api/uploads/{id}} follows it through the
 * pipeline, until its data expire ({@code UPLOAD_RETENTION}) unless an admin admits it
 * ({@code POST /api/admin/uploads/{id}/admit}). Refusals answer {@link ErrorBody}.
 */
@Path("/api/uploads")
@Tag(name = "uploads", description = "Users' own recordings, extracted like DANDI assets")
public class UploadResource {
    @Inject
    UploadIntake intake;

    @Inject
    UploadStore store;

    @Inject
    UploadExpiry expiry;

    /**
     * An upload as the API shows it.
     *
     * @param links {@code self}; {@code asset}: the asset ledger's entry
     */
    @Schema(description = "An upload and where it is in the pipeline")
    public record UploadView(String id, String fileName, long sizeBytes,
                             @Schema(description = "sha2-256:<hex> of the file") String digest,
                             UploadStatus status,
                             @Schema(description = "The extraction's outcome") AssetStatus outcome,
                             @Schema(description = "Why it failed, naming the file") String reason,
                             @Schema(description = "The cell's id once extracted") String cellId,
                             Instant receivedAt, Instant updatedAt,
                             @Schema(description = "When an admin admitted it: it never expires") Instant admittedAt,
                             @Schema(description = "When its data expire (UPLOAD_RETENTION after receivedAt); "
                                     + "null once admitted") Instant expiresAt,
                             @Schema(description = "self: this upload; asset: its entry in the asset ledger")
                             Map<String, String> links) {
        static UploadView of(Upload u, Instant expiresAt) {
            Map<String, String> links = new LinkedHashMap<>();
            links.put("self", "/api/uploads/" + u.id());
            links.put("asset", "/api/assets?fileKey=" + encode(u.fileKey()) + "&digest=" + encode(u.digest()));
            return new UploadView(u.id(), u.fileName(), u.sizeBytes(), u.digest(), u.status(), u.outcome(),
                    u.reason(), u.cellId(), u.receivedAt(), u.updatedAt(), u.admittedAt(), expiresAt, links);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Uploads a NWB or ABF file (multipart field 'file'); 202 with its id, then GET it")
    @APIResponse(responseCode = "202", description = "Stored, recorded and published on patchmap.assets",
            content = @Content(schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "400", description = "No 'file' field",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "Over INGEST_UPLOAD_MAX_SIZE",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "415", description = "Neither NWB (HDF5) nor ABF by its first bytes",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge the asset",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "507", description = "The disk budget is full",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            return ErrorBody.response(Response.Status.BAD_REQUEST.getStatusCode(),
                    "multipart form field 'file' is missing");
        }
        try {
            Upload u = intake.accept(file.uploadedFile(), file.fileName());
            return Response.accepted(UploadView.of(u, expiry.expiresAt(u))).location(URI.create("/api/uploads/" + u.id()))
                    .type(MediaType.APPLICATION_JSON).build();
        } catch (UploadRejectedException e) {
            return ErrorBody.response(e.status(), e.getMessage());
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An upload's status: received, extracting, extracted (with its cell id) or failed (with the reason)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "404", description = "No such upload",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response status(@PathParam("id") String id) {
        return store.find(id).map(u -> Response.ok(UploadView.of(u, expiry.expiresAt(u))).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND.getStatusCode(), "no upload " + id));
    }
}
