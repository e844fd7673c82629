package org.patchmap.metadata.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.events.MetadataEvent;

import java.time.Instant;

/**
 * {@code GET /api/metadata/...}: the {@code patchmap.metadata} event's fields. Unlike this service's other
 * bodies, a value nobody stated is written as null; {@code simulated} is the exception, absent for a real cell
 * (it says what the cell is, not a value of it), and comes last.
 */
@Schema(description = "A file's metadata as published on patchmap.metadata: each value with its source and "
        + "confidence; a value nobody stated is null.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FileMetadataView(
        @Schema(description = "Version of the patchmap.metadata contract") int schemaVersion,
        @Schema(description = "The file key; every cell id of the file starts with it") String cellId,
        @Schema(description = "Where the file comes from") ProvenanceView provenance,
        @Schema(description = "Scientific name and NCBI Taxonomy id") SourcedTermView species,
        @Schema(description = "A vocabulary region with its UBERON or Allen id, or 'unknown'")
        SourcedTermView brainRegion,
        @Schema(description = "Age in days, with the text it was read from") SourcedQuantityView ageDays,
        @Schema(description = "male, female or unknown") SourcedTermView sex,
        @Schema(description = "Genotype or strain as stated") SourcedTermView genotype,
        @Schema(description = "Recording temperature, degrees Celsius") SourcedQuantityView temperatureC,
        @Schema(description = "The region vocabulary's version") String vocabularyVersion,
        @Schema(description = "When it was extracted (ISO-8601 UTC)") Instant extractedAt,
        @Schema(description = "The lab that recorded the cell: the file's lab and institution (source nwb), else the "
                + "one its dandiset's contributors name (source dandiset)") SourcedTermView lab,
        @Schema(description = "A simulated cell's truth (model type, model, seed, parameters); absent for a real cell")
        @JsonInclude(JsonInclude.Include.NON_NULL) SimulatedView simulated) {

    static FileMetadataView of(MetadataEvent m) {
        return new FileMetadataView(m.schemaVersion(), m.cellId(), ProvenanceView.of(m.provenance()),
                SourcedTermView.of(m.species()), SourcedTermView.of(m.brainRegion()),
                SourcedQuantityView.of(m.ageDays()), SourcedTermView.of(m.sex()), SourcedTermView.of(m.genotype()),
                SourcedQuantityView.of(m.temperatureC()), m.vocabularyVersion(), m.extractedAt(),
                SourcedTermView.of(m.lab()), SimulatedView.of(m.simulated()));
    }
}
