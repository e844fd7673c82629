package org.patchmap.metadata.extract;

/**
 * The fields whose sources are counted; {@link #wire()} is both their key in
 * {@code CellMetadata.sources()} and the {@code field} label of {@code patchmap_metadata_values_total}.
 */
enum CountedField {
    SPECIES("species"),
    REGION("region"),
    AGE_DAYS("age_days"),
    SEX("sex"),
    GENOTYPE("genotype"),
    TEMPERATURE_C("temperature_c");

    private final String wire;

    CountedField(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
