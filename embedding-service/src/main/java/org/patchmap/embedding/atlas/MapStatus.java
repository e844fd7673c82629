package org.patchmap.embedding.atlas;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a cell is with respect to the current map, as the API names it. */
public enum MapStatus {
    /** On the map: built into it. */
    MAPPED("mapped"),
    /** Not on the map, placed on it. */
    PLACED("placed"),
    /** In the map's input, left off it (too few usable features). */
    LEFT_OFF("left_off"),
    /** Neither on the map nor placed on it (yet). */
    NOT_PLACED("not_placed");

    private final String wire;

    MapStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
