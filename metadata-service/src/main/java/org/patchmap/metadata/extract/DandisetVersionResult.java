package org.patchmap.metadata.extract;

import java.util.Locale;

/** Where a dandiset version's own metadata came from; {@link #wire()} is the {@code result} label of its metric. */
enum DandisetVersionResult {
    /** Extracted from the dandiset's text (and the model, when on). */
    EXTRACTED,
    /** Read back from {@code dandiset_metadata}, made with the same vocabulary version. */
    CACHED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
