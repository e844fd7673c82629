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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.patchmap.ingest.store.UploadStore;
import org.patchmap.ingest.store.UploadStore.Upload;
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
 * pipeline. Refusals answer {@code {"error": "..."}}: 400 (no file), 413 (too large), 415 (not
 * NWB/ABF by its first bytes), 503 (broker unavailable), 507 (disk budget full).
 */
@Path("/api/uploads")
@Tag(name = "uploads", description = "Users' own recordings, extracted like DANDI assets")
public class UploadResource {
    @Inject
    UploadIntake intake;

    @Inject
    UploadStore store;

    /**
     * An upload as the API shows it.
     *
     * @param status  received, extracting, extracted or failed
     * @param outcome the extraction's outcome (extracted, no_family, unreadable, too_large, failed)
     * @param reason  why it failed, naming the file
     * @param cellId  the cell's id once extracted
     * @param links   {@code self}; {@code asset}: the asset ledger's entry
     */
    public record UploadView(String id, String fileName, long sizeBytes, String digest, String status,
                             String outcome, String reason, String cellId, Instant receivedAt, Instant updatedAt,
                             Map<String, String> links) {
        static UploadView of(Upload u) {
            Map<String, String> links = new LinkedHashMap<>();
            links.put("self", "/api/uploads/" + u.id());
            links.put("asset", "/api/assets?fileKey=" + encode(u.fileKey()) + "&digest=" + encode(u.digest()));
            return new UploadView(u.id(), u.fileName(), u.sizeBytes(), u.digest(), u.status(), u.outcome(),
                    u.reason(), u.cellId(), u.receivedAt(), u.updatedAt(), links);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Uploads a NWB or ABF file (multipart field 'file'); 202 with its id, then GET it")
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            return error(Response.Status.BAD_REQUEST.getStatusCode(), "multipart form field 'file' is missing");
        }
        try {
            Upload u = intake.accept(file.uploadedFile(), file.fileName());
            return Response.accepted(UploadView.of(u)).location(URI.create("/api/uploads/" + u.id()))
                    .type(MediaType.APPLICATION_JSON).build();
        } catch (UploadRejectedException e) {
            return error(e.status(), e.getMessage());
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An upload's status: received, extracting, extracted (with its cell id) or failed (with the reason)")
    public Response status(@PathParam("id") String id) {
        return store.find(id).map(u -> Response.ok(UploadView.of(u)).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND.getStatusCode(), "no upload " + id));
    }

    static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).type(MediaType.APPLICATION_JSON).build();
    }
}
