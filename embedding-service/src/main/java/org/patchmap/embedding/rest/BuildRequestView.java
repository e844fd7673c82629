package org.patchmap.embedding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/admin/maps}: the build asked for. */
@Schema(description = "A map build asked for")
public record BuildRequestView(@Schema(description = "the version id the map will have") String mapVersion) {
}
