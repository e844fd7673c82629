package org.patchmap.metadata.extract;

import java.util.Locale;

/** Why an asset's {@code simulated} metadata was not kept; {@link #wire()} is the {@code reason} label of its metric. */
enum SimulatedRejection {
    /** Not a JSON object where one is expected. */
    NOT_AN_OBJECT,
    /** A required part is absent. */
    MISSING,
    /** A text where a number is expected, or the other way round. */
    WRONG_TYPE,
    /** A text outside what the contract allows (pattern, length, control characters). */
    INVALID_TEXT,
    /** A parameter name outside what the contract allows. */
    INVALID_NAME,
    /** More parameters than the contract allows. */
    TOO_MANY,
    /** A parameter value that is NaN or infinite. */
    NOT_FINITE;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
