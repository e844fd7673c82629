package org.patchmap.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a refusal: {@code {"error": "..."}}. */
@Schema(description = "Why the request was refused")
public record ErrorBody(@Schema(description = "A message for the user, naming the file and the limit when there is one")
                        String error) {

    static Response response(int status, String message) {
        return Response.status(status).entity(new ErrorBody(message)).type(MediaType.APPLICATION_JSON).build();
    }
}
