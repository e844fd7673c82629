package org.patchmap.feature.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.patchmap.messaging.store.TraceUnavailableException;

/** The body of a refusal, as embedding-service's API gives it. */
@Schema(description = "Why the request was refused")
public record ApiError(@Schema(description = "a sentence naming the input and the cause") String error) {

    /** Each refusal as its status and {@code {"error": ...}}. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response notFound(NotFoundException e) {
            return refusal(404, e.getMessage());
        }

        /** Stored traces that cannot be read are a failure upstream of this service: 502, naming the file. */
        @ServerExceptionMapper
        public Response unavailable(TraceUnavailableException e) {
            return refusal(502, e.getMessage());
        }

        private static Response refusal(int status, String message) {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(message)).build();
        }
    }
}
