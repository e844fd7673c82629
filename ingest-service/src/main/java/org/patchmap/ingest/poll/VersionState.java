package org.patchmap.ingest.poll;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a poll is with one selected dandiset version. */
public enum VersionState {
    /** Fully processed by an earlier poll: nothing listed. */
    UNCHANGED,
    /** Its assets are being handled. */
    RUNNING,
    /** Every NWB asset settled. */
    DONE,
    /** Some assets failed: asked again next poll. */
    INCOMPLETE,
    /** The version failed as a whole (listing, metadata, MongoDB). */
    FAILED;

    /** As the status endpoint and the logs show it. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
