package org.patchmap.messaging.replay;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one dead letter asked to be replayed. */
public enum ReplayOutcome {
    /** Its failed record is back on its original topic. */
    REPLAYED("replayed"),
    /** Nothing was sent; the reason says why. */
    REFUSED("refused");

    private final String wire;

    ReplayOutcome(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
