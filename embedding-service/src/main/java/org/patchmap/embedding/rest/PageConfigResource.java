package org.patchmap.embedding.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/**
 * The web page's configuration: the base URLs of ingest-service and feature-service (ATLAS_INGEST_URL,
 * ATLAS_FEATURE_URL). Unset, they are "" and the page calls its own origin, as behind one Ingress that routes
 * /api/uploads and /api/features to those services.
 */
@Path("/api/config")
@Tag(name = "page", description = "The web page's settings")
public class PageConfigResource {
    @ConfigProperty(name = "patchmap.atlas.ingest-url")
    Optional<String> ingestUrl;
    @ConfigProperty(name = "patchmap.atlas.feature-url")
    Optional<String> featureUrl;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the web page uploads files (ingestUrl) and reads their features (featureUrl); "
            + "\"\" = the page's own origin")
    public PageConfigView config() {
        return new PageConfigView(base(ingestUrl), base(featureUrl));
    }

    /** A base URL the page appends "/api/..." to: no trailing slash. */
    private static String base(Optional<String> url) {
        return url.map(String::strip).map(u -> u.replaceAll("/+$", "")).orElse("");
    }
}
