package org.patchmap.core.protocol;

/**
 * A sweep of the file that is not in the long-square family.
 *
 * @param label  the sweep's number, else its name ({@link org.patchmap.core.sweep.Sweep#label()})
 * @param kind   what the sweep looks like: "ramp", "short square", "noise", "chirp", "other protocol", "unknown"
 * @param reason why it is not in the family, in words
 */
public record SkippedSweep(Object label, StimulusKind kind, String reason) {
}
