package org.patchmap.ingest.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.patchmap.ingest.upload.UploadIntake;
import org.patchmap.ingest.upload.UploadMetrics;
import org.patchmap.ingest.upload.UploadOutcome;

/**
 * Refuses an upload whose declared length is already too large, before its body is read, with
 * the same JSON message as the file check (the HTTP layer's own limit,
 * {@code quarkus.http.limits.max-body-size}, would answer an empty 413).
 */
public class UploadSizeFilter {
    /** Room for the multipart boundaries and part headers around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    @Inject
    UploadIntake intake;

    @Inject
    UploadMetrics metrics;

    @ServerRequestFilter(preMatching = true)
    public Response declaredLength(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/uploads")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (length > intake.maxBytes() + MULTIPART_OVERHEAD) {
            metrics.upload(UploadOutcome.TOO_LARGE);
            return ErrorBody.response(413, intake.tooLarge("upload", length));
        }
        return null;
    }
}
