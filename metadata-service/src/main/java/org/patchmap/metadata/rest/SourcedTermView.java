package org.patchmap.metadata.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.events.MetadataEvent.SourcedTerm;

/** A categorical value of {@link FileMetadataView}. */
@Schema(description = "A categorical value with where it came from")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SourcedTermView(
        @Schema(description = "The value, e.g. 'Mus musculus'") String label,
        @Schema(description = "Ontology id, e.g. 'NCBITaxon:10090'; null when there is none") String termId,
        @Schema(description = "asset, nwb, dandiset, text, embedding or model, in order of trust") String source,
        @Schema(description = "0 to 1") double confidence) {

    /** Null for null: an unknown value stays null. */
    static SourcedTermView of(SourcedTerm t) {
        return t == null ? null : new SourcedTermView(t.label(), t.termId(), t.source(), t.confidence());
    }
}
