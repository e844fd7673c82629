package org.patchmap.metadata.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.core.metadata.DandisetMetadata;
import org.patchmap.metadata.domain.DandisetVersionMetadata;

import java.time.Instant;

/** {@code GET /api/dandisets/{id}/versions/{version}/metadata}: what a dandiset version's own metadata says. */
@Schema(description = "What a dandiset version's own metadata says for all its files, as last extracted. Absent "
        + "values are omitted.")
public record DandisetMetadataView(
        @Schema(description = "Six-digit DANDI identifier") String dandisetId,
        @Schema(description = "The dandiset version") String version,
        @Schema(description = "The region vocabulary's version it was extracted with") String vocabularyVersion,
        @Schema(description = "Summary species, text region, age, recording temperature and the lab its contributors name, each "
                + "with its source")
        DandisetMetadata facts,
        @Schema(description = "When it was extracted (ISO-8601 UTC)") Instant extractedAt) {

    static DandisetMetadataView of(DandisetVersionMetadata m) {
        return new DandisetMetadataView(m.dandisetId(), m.version(), m.vocabularyVersion(), m.facts(),
                m.extractedAt());
    }
}
