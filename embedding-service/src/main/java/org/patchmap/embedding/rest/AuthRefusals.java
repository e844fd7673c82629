package org.patchmap.embedding.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The refusals of an endpoint that needs a role (docs/security.md), as {@code {"error": ...}}: 401 without a
 * valid bearer token (none, expired, not signed by the configured key, or no key configured), 403 when the
 * token lacks the role.
 */
public class AuthRefusals {
    static final String NO_TOKEN = "this request needs a valid bearer token (Authorization: Bearer ...)";
    static final String NO_ROLE = "the bearer token lacks the role this request needs";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return refusal(401, NO_TOKEN).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return refusal(403, NO_ROLE).build();
    }

    private static Response.ResponseBuilder refusal(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(message));
    }
}
