package org.patchmap.events;

import java.time.Instant;

/**
 * {@code patchmap.metadata}: what is known of one cell's animal and recording, each value with
 * where it came from, keyed by {@link #cellId}. Published by metadata-service, consumed by
 * embedding-service. A value nobody stated is null, not guessed.
 *
 * @param schemaVersion     {@value #SCHEMA_VERSION}
 * @param cellId            stable cell id (the file key: metadata is per file)
 * @param provenance        where the file comes from
 * @param species           scientific name and NCBI Taxonomy id, e.g. Mus musculus / NCBITaxon:10090
 * @param brainRegion       a vocabulary term with its UBERON or Allen atlas id, or "unknown"
 * @param ageDays           age in days (human ages converted from years)
 * @param sex               "male", "female", "unknown"
 * @param genotype          genotype or strain as stated
 * @param temperatureC      recording temperature in degrees Celsius
 * @param vocabularyVersion version of the region vocabulary used
 * @param extractedAt       when this was extracted
 * @param simulated         for a simulated cell, the truth its archive states (model type, model, seed,
 *                          parameters); null for a real cell; optional (added to version 1)
 * @param lab               the lab that recorded the cell, e.g. "Skinner Lab, University of Toronto" (source
 *                          "nwb": the file's /general/lab and /general/institution) or "Tolias lab" (source
 *                          "dandiset": its contributors); null when unknown; optional (added to version 1)
 */
public record MetadataEvent(int schemaVersion, String cellId, Provenance provenance, SourcedTerm species,
                            SourcedTerm brainRegion, SourcedQuantity ageDays, SourcedTerm sex, SourcedTerm genotype,
                            SourcedQuantity temperatureC, String vocabularyVersion, Instant extractedAt,
                            SimulatedOrigin simulated, SourcedTerm lab) {
    public static final int SCHEMA_VERSION = 1;
    private static final String EVENT = Topics.METADATA;
    /** Where a value came from, in order of trust. */
    public static final String[] SOURCES = {"asset", "nwb", "dandiset", "text", "embedding", "model"};

    public MetadataEvent {
        Require.schema(EVENT, schemaVersion, SCHEMA_VERSION);
        Require.text(EVENT, "cellId", cellId);
        Require.present(EVENT, "provenance", provenance);
        Require.text(EVENT, "vocabularyVersion", vocabularyVersion);
        Require.present(EVENT, "extractedAt", extractedAt);
    }

    /** The metadata of a cell whose lab is unknown. */
    public MetadataEvent(int schemaVersion, String cellId, Provenance provenance, SourcedTerm species,
                         SourcedTerm brainRegion, SourcedQuantity ageDays, SourcedTerm sex, SourcedTerm genotype,
                         SourcedQuantity temperatureC, String vocabularyVersion, Instant extractedAt,
                         SimulatedOrigin simulated) {
        this(schemaVersion, cellId, provenance, species, brainRegion, ageDays, sex, genotype, temperatureC,
                vocabularyVersion, extractedAt, simulated, null);
    }

    /** The metadata of a real cell (no {@code simulated}) whose lab is unknown. */
    public MetadataEvent(int schemaVersion, String cellId, Provenance provenance, SourcedTerm species,
                         SourcedTerm brainRegion, SourcedQuantity ageDays, SourcedTerm sex, SourcedTerm genotype,
                         SourcedQuantity temperatureC, String vocabularyVersion, Instant extractedAt) {
        this(schemaVersion, cellId, provenance, species, brainRegion, ageDays, sex, genotype, temperatureC,
                vocabularyVersion, extractedAt, null, null);
    }

    /**
     * A categorical value.
     *
     * @param label      the value, e.g. "Mus musculus", "CA1 field of hippocampus"
     * @param termId     ontology id when there is one, e.g. "NCBITaxon:10090", "UBERON:0003881"; else null
     * @param source     one of {@link #SOURCES}
     * @param confidence 0..1
     */
    public record SourcedTerm(String label, String termId, String source, double confidence) {
        public SourcedTerm {
            Require.text(EVENT, "label", label);
            Require.oneOf(EVENT, "source", source, SOURCES);
            checkConfidence(confidence);
        }
    }

    /**
     * A numeric value.
     *
     * @param value      the number in the unit the field names
     * @param text       the text it was read from, e.g. "P60D", "34 ℃"
     * @param source     one of {@link #SOURCES}
     * @param confidence 0..1
     */
    public record SourcedQuantity(double value, String text, String source, double confidence) {
        public SourcedQuantity {
            if (!Double.isFinite(value)) {
                throw new InvalidEventException(EVENT + ": a quantity is " + value);
            }
            Require.oneOf(EVENT, "source", source, SOURCES);
            checkConfidence(confidence);
        }
    }

    private static void checkConfidence(double c) {
        if (!(c >= 0 && c <= 1)) {
            throw new InvalidEventException(EVENT + ": confidence must be within 0..1, got " + c);
        }
    }
}
