package org.patchmap.ingest.store;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a GridFS file of a family holds: {@code traces}, the sweeps feature-service computes on, or
 * {@code display}, the decimated sweeps the web map draws.
 */
public enum TraceKind implements WireValue {
    TRACES,
    DISPLAY;

    /** As stored in the GridFS file's metadata and in the bytes meter's tag. */
    @Override
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
