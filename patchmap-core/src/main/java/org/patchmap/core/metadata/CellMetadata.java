package org.patchmap.core.metadata;

import org.patchmap.events.MetadataEvent.SourcedQuantity;
import org.patchmap.events.MetadataEvent.SourcedTerm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known of one cell's animal and recording, each value with its source and confidence
 * (the value types of {@code patchmap.metadata}). A value nobody stated is null; the brain
 * region is then the term "unknown".
 *
 * @param species           scientific name and NCBITaxon id
 * @param brainRegion       a vocabulary term, or "unknown"
 * @param ageDays           age in days
 * @param sex               "male", "female", "unknown", "other"
 * @param genotype          genotype or strain as stated
 * @param temperatureC      recording temperature in °C
 * @param vocabularyVersion the region vocabulary's version
 * @param lab               the lab that recorded the cell ({@link Lab})
 */
public record CellMetadata(SourcedTerm species, SourcedTerm brainRegion, SourcedQuantity ageDays, SourcedTerm sex,
                           SourcedTerm genotype, SourcedQuantity temperatureC, String vocabularyVersion,
                           SourcedTerm lab) {

    /** Without a lab. */
    public CellMetadata(SourcedTerm species, SourcedTerm brainRegion, SourcedQuantity ageDays, SourcedTerm sex,
                        SourcedTerm genotype, SourcedQuantity temperatureC, String vocabularyVersion) {
        this(species, brainRegion, ageDays, sex, genotype, temperatureC, vocabularyVersion, null);
    }

    /** Field → source of every stated value, in field order ("species" → "asset", ...). */
    public Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "species", species == null ? null : species.source());
        put(out, "region", MetadataExtractor.isUnknown(brainRegion) ? null : brainRegion.source());
        put(out, "age_days", ageDays == null ? null : ageDays.source());
        put(out, "sex", sex == null ? null : sex.source());
        put(out, "genotype", genotype == null ? null : genotype.source());
        put(out, "temperature_c", temperatureC == null ? null : temperatureC.source());
        put(out, "lab", lab == null ? null : lab.source());
        return out;
    }

    private static void put(Map<String, String> out, String field, String source) {
        if (source != null) {
            out.put(field, source);
        }
    }
}
