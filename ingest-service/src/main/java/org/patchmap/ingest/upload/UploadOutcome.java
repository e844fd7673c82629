package org.patchmap.ingest.upload;

/**
 * How {@code POST /api/uploads} ended, the {@code outcome} label of
 * {@code patchmap_ingest_uploads_total}.
 */
public enum UploadOutcome {
    ACCEPTED("accepted"),
    /** Over {@code INGEST_UPLOAD_MAX_SIZE} (413). */
    TOO_LARGE("too_large"),
    /** Neither NWB (HDF5) nor ABF by its first bytes (415). */
    UNSUPPORTED("unsupported"),
    /** The disk budget is full (507). */
    NO_SPACE("no_space"),
    /** The broker did not acknowledge the asset (503). */
    UNAVAILABLE("unavailable");

    private final String label;

    UploadOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
