package org.patchmap.embedding.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.patchmap.messaging.store.TraceUnavailableException;

/** A refusal of the API: its status and a sentence naming the input and the cause, as {@code {"error": ...}}. */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** What this instance cannot serve as it runs (503). */
    public static ApiException unavailable(String message) {
        return new ApiException(503, message);
    }

    /** Maps every refusal to its JSON body. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response refuse(ApiException e) {
            return refusal(e.status, e.getMessage());
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
