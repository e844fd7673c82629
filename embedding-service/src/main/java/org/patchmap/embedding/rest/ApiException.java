package org.patchmap.embedding.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

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

    /** Maps every refusal to its JSON body. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response refuse(ApiException e) {
            return Response.status(e.status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage()))
                    .build();
        }
    }
}
