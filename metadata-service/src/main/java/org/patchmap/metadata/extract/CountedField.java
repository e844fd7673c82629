package org.patchmap.metadata.extract;

import java.util.Locale;

/**
 * The fields whose sources are counted; {@link #wire()} is both their key in
 * {@code CellMetadata.sources()} and the {@code field} label of {@code patchmap_metadata_values_total}.
 */
enum CountedField {
    SPECIES,
    REGION,
    AGE_DAYS,
    SEX,
    GENOTYPE,
    TEMPERATURE_C,
    LAB;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
