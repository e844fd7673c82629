package org.patchmap.metadata.extract;

import org.patchmap.events.SimulatedOrigin;

/**
 * What an asset's metadata says about a simulated cell: nothing (a real cell), its truth, or why what it
 * says was not kept.
 *
 * @param origin    the truth, or null
 * @param field     the part a rejection names, or null
 * @param rejection why it was not kept, or null
 * @param reason    a sentence naming the field and the cause, or null
 */
record SimulatedReading(SimulatedOrigin origin, SimulatedField field, SimulatedRejection rejection, String reason) {
    static final SimulatedReading ABSENT = new SimulatedReading(null, null, null, null);

    static SimulatedReading of(SimulatedOrigin origin) {
        return new SimulatedReading(origin, null, null, null);
    }

    static SimulatedReading rejected(SimulatedField field, SimulatedRejection rejection, String reason) {
        return new SimulatedReading(null, field, rejection, reason);
    }

    boolean isRejected() {
        return rejection != null;
    }
}
