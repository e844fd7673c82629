package org.patchmap.core.metadata;

import org.patchmap.events.MetadataEvent.SourcedQuantity;
import org.patchmap.events.MetadataEvent.SourcedTerm;

import java.util.List;

/**
 * What one dandiset version says for all its cells: the species of its assetsSummary (else
 * those its text names), the region, age and recording temperature its text states, the lab its
 * contributors name. Computed
 * once per dandiset version and vocabulary version; the cells' own fields override it.
 *
 * @param identifier        the dandiset, e.g. 000008 (null when unknown)
 * @param species           every species, most trusted first; empty when none is stated
 * @param brainRegion       a vocabulary term from the text, or "unknown"
 * @param ageDays           age stated in the text, else null
 * @param temperatureC      recording temperature stated in the text, else null
 * @param vocabularyVersion the region vocabulary's version
 * @param lab               the lab its contributors name ({@link Lab#ofDandiset}), else null
 */
public record DandisetMetadata(String identifier, List<SourcedTerm> species, SourcedTerm brainRegion,
                               SourcedQuantity ageDays, SourcedQuantity temperatureC, String vocabularyVersion,
                               SourcedTerm lab) {
    public DandisetMetadata {
        species = List.copyOf(species);
    }

    /** The same with {@code lab}. */
    public DandisetMetadata withLab(SourcedTerm lab) {
        return new DandisetMetadata(identifier, species, brainRegion, ageDays, temperatureC, vocabularyVersion, lab);
    }

    /** Without a lab. */
    public DandisetMetadata(String identifier, List<SourcedTerm> species, SourcedTerm brainRegion,
                            SourcedQuantity ageDays, SourcedQuantity temperatureC, String vocabularyVersion) {
        this(identifier, species, brainRegion, ageDays, temperatureC, vocabularyVersion, null);
    }
}
