package org.patchmap.metadata.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.events.Provenance;

/** The provenance of {@link FileMetadataView}, every field written. */
@Schema(description = "Where a file comes from; uploads have only source and path")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProvenanceView(
        @Schema(description = "dandi or upload") String source,
        @Schema(description = "Six-digit DANDI identifier") String dandisetId,
        @Schema(description = "Dandiset version") String version,
        @Schema(description = "DANDI asset id") String assetId,
        @Schema(description = "Path in the dandiset, or the uploaded file's name") String path,
        @Schema(description = "The dandiset version on dandiarchive.org") String dandisetUrl) {

    static ProvenanceView of(Provenance p) {
        return new ProvenanceView(p.source(), p.dandisetId(), p.version(), p.assetId(), p.path(), p.dandisetUrl());
    }
}
