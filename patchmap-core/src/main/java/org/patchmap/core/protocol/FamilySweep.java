package org.patchmap.core.protocol;

import org.patchmap.core.sweep.Sweep;

import java.util.Objects;

/**
 * One member of a long-square family as the cell features see it (spec section 1): the sweep
 * and its step amplitude relative to holding. Features use the idealised stimulus (0 outside
 * the epoch, the amplitude inside), so the recorded current is not looked at.
 *
 * @param sweep       the recording
 * @param amplitudePa step amplitude relative to the holding level, pA
 */
public record FamilySweep(Sweep sweep, double amplitudePa) {
    public FamilySweep {
        Objects.requireNonNull(sweep, "sweep");
    }

    /** How reports name this sweep (its number, else its name). */
    public Object label() {
        return sweep.label();
    }
}
