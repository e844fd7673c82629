package org.patchmap.metadata.extract;

/** Where a dandiset version's own metadata came from; {@link #wire()} is the {@code result} label of its metric. */
enum DandisetVersionResult {
    /** Extracted from the dandiset's text (and the model, when on). */
    EXTRACTED("extracted"),
    /** Read back from {@code dandiset_metadata}, made with the same vocabulary version. */
    CACHED("cached");

    private final String wire;

    DandisetVersionResult(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
