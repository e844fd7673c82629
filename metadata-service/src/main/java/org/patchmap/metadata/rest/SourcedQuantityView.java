package org.patchmap.metadata.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.events.MetadataEvent.SourcedQuantity;

/** A numeric value of {@link FileMetadataView}. */
@Schema(description = "A numeric value with where it came from")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SourcedQuantityView(
        @Schema(description = "The number, in the unit the field names") double value,
        @Schema(description = "The text it was read from, e.g. 'P60D'") String text,
        @Schema(description = "asset, nwb, dandiset, text, embedding or model, in order of trust") String source,
        @Schema(description = "0 to 1") double confidence) {

    /** Null for null: an unknown value stays null. */
    static SourcedQuantityView of(SourcedQuantity q) {
        return q == null ? null : new SourcedQuantityView(q.value(), q.text(), q.source(), q.confidence());
    }
}
