package org.patchmap.core.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the stimulus of a sweep outside the long-square family looks like ({@link SweepClassifier}). */
public enum StimulusKind {
    /** Levels that climb (or fall) steadily. */
    RAMP("ramp"),
    /** One brief square, or brief pulses only. */
    SHORT_SQUARE("short square"),
    /** Many short levels with no steady trend. */
    NOISE("noise"),
    /** An oscillation about holding whose half-periods shrink or grow steadily. */
    CHIRP("chirp"),
    /** A long square that is not the family's (another timing, rate, length or an unvarying level). */
    OTHER_PROTOCOL("other protocol"),
    /** No stimulus, or too few levels to tell. */
    UNKNOWN("unknown");

    private final String wire;

    StimulusKind(String wire) {
        this.wire = wire;
    }

    /** The kind as the JSON output and the messages spell it. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
