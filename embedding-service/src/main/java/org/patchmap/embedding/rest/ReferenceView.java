package org.patchmap.embedding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/admin/cells/{id}/reference}: the cell admitted. */
@Schema(description = "A cell admitted to the reference map")
public record ReferenceView(@Schema(description = "the cell") String cellId,
                            @Schema(description = "always true: it is on the reference map from the next map on")
                            boolean reference) {
}
