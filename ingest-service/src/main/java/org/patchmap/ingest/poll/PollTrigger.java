package org.patchmap.ingest.poll;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What started a poll. */
public enum PollTrigger {
    /** Every {@code patchmap.dandi.poll-every}. */
    SCHEDULE,
    /** {@code POST /api/admin/poll}. */
    REQUEST;

    /** As the status endpoint and the logs show it. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
