package org.patchmap.ingest.poll;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a poll is with one selected dandiset version. */
public enum VersionState {
    /** Fully processed by an earlier poll: nothing listed. */
    UNCHANGED("unchanged"),
    /** Its assets are being handled. */
    RUNNING("running"),
    /** Every NWB asset settled. */
    DONE("done"),
    /** Some assets failed: asked again next poll. */
    INCOMPLETE("incomplete"),
    /** The version failed as a whole (listing, metadata, MongoDB). */
    FAILED("failed");

    private final String wire;

    VersionState(String wire) {
        this.wire = wire;
    }

    /** As the status endpoint and the logs show it. */
    @JsonValue
    public String wire() {
        return wire;
    }
}
