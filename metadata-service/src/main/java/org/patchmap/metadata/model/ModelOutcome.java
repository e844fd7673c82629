package org.patchmap.metadata.model;

/** How one question to the model ended; {@link #wire()} is the {@code outcome} label of the model's metrics. */
public enum ModelOutcome {
    /** It named a listed region or species. */
    ANSWERED("answered"),
    /** It parsed but named neither (or "unknown"). */
    NO_ANSWER("no_answer"),
    /** Not one JSON object, or no message in the response. */
    MALFORMED("malformed"),
    /** It named a term outside the lists it was given: the whole answer is discarded. */
    OUT_OF_VOCABULARY("out_of_vocabulary"),
    /** No answer within the configured timeout. */
    TIMEOUT("timeout"),
    /** The endpoint could not be reached or did not answer HTTP 200. */
    HTTP_ERROR("http_error");

    private final String wire;

    ModelOutcome(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
