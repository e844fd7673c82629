package org.patchmap.messaging.limits;

import java.util.Locale;

/**
 * A per-client limit on a costly request ({@code POST /api/uploads}, {@code POST /api/placements}): the
 * {@code reason} label of the refusal counters ({@code patchmap_uploads_refused_total},
 * {@code patchmap_placements_refused_total}).
 */
public enum ClientLimit {
    /** More requests in the last minute than the rate allows (429). */
    RATE,
    /** More requests in progress at once than the concurrency limit (429). */
    CONCURRENCY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
