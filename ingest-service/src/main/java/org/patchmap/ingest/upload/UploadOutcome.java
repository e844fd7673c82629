package org.patchmap.ingest.upload;

import java.util.Locale;

/**
 * How {@code POST /api/uploads} ended, the {@code outcome} label of
 * {@code patchmap_ingest_uploads_total}.
 */
public enum UploadOutcome {
    ACCEPTED,
    /** Over {@code INGEST_UPLOAD_MAX_SIZE} (413). */
    TOO_LARGE,
    /** Neither NWB (HDF5) nor ABF by its first bytes (415). */
    UNSUPPORTED,
    /** The disk budget is full (507). */
    NO_SPACE,
    /** The broker did not acknowledge the asset (503). */
    UNAVAILABLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
