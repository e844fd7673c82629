package org.patchmap.metadata.model;

import java.util.Locale;

/** How one question to the model ended; {@link #wire()} is the {@code outcome} label of the model's metrics. */
public enum ModelOutcome {
    /** It named a listed region or species. */
    ANSWERED,
    /** It parsed but named neither (or "unknown"). */
    NO_ANSWER,
    /** Not one JSON object, or no message in the response. */
    MALFORMED,
    /** It named a term outside the lists it was given: the whole answer is discarded. */
    OUT_OF_VOCABULARY,
    /** No answer within the configured timeout. */
    TIMEOUT,
    /** The endpoint could not be reached or did not answer HTTP 200. */
    HTTP_ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
