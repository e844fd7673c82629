package org.patchmap.ingest.upload;

import java.util.Locale;

/**
 * A per-client limit on {@code POST /api/uploads}, the {@code reason} label of
 * {@code patchmap_uploads_refused_total}.
 */
public enum UploadLimit {
    /** More uploads in the last minute than {@code UPLOAD_RATE_PER_MINUTE} allows (429). */
    RATE,
    /** More uploads in progress at once than {@code UPLOAD_CONCURRENT_PER_CLIENT} (429). */
    CONCURRENCY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
