package org.patchmap.embedding.atlas;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a cell is with respect to the current map, as the API names it. */
public enum MapStatus {
    /** On the map: built into it. */
    MAPPED,
    /** Not on the map, placed on it. */
    PLACED,
    /** In the map's input, left off it (too few usable features). */
    LEFT_OFF,
    /** Neither on the map nor placed on it (yet). */
    NOT_PLACED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
