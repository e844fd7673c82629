package org.patchmap.embedding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/config}: where the web page finds the services it calls besides this one. */
@Schema(description = "Where the web page uploads files and reads an upload's features; \"\" = this page's origin")
public record PageConfigView(
        @Schema(description = "ingest-service's base URL: the page posts to ${ingestUrl}/api/uploads",
                example = "http://localhost:8081") String ingestUrl,
        @Schema(description = "feature-service's base URL: the page reads ${featureUrl}/api/features/{cellId}",
                example = "http://localhost:8082") String featureUrl) {
}
