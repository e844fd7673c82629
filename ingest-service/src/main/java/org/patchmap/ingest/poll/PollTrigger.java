package org.patchmap.ingest.poll;

import com.fasterxml.jackson.annotation.JsonValue;

/** What started a poll. */
public enum PollTrigger {
    /** Every {@code patchmap.dandi.poll-every}. */
    SCHEDULE("schedule"),
    /** {@code POST /api/admin/poll}. */
    REQUEST("request");

    private final String wire;

    PollTrigger(String wire) {
        this.wire = wire;
    }

    /** As the status endpoint and the logs show it. */
    @JsonValue
    public String wire() {
        return wire;
    }
}
