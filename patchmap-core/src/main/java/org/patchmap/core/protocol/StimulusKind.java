package org.patchmap.core.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What the stimulus of a sweep outside the long-square family looks like ({@link SweepClassifier}). */
public enum StimulusKind {
    /** Levels that climb (or fall) steadily. */
    RAMP,
    /** One brief square, or brief pulses only. */
    SHORT_SQUARE,
    /** Many short levels with no steady trend. */
    NOISE,
    /** An oscillation about holding whose half-periods shrink or grow steadily. */
    CHIRP,
    /** A long square that is not the family's (another timing, rate, length or an unvarying level). */
    OTHER_PROTOCOL,
    /** No stimulus, or too few levels to tell. */
    UNKNOWN;

    /** The kind as the JSON output and the messages spell it. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String toString() {
        return wire();
    }
}
