package org.patchmap.ingest.upload;

/**
 * An upload refused, with the HTTP status to answer, the label it is counted under in
 * {@code patchmap_ingest_uploads_total} and a message for the user.
 */
public class UploadRejectedException extends Exception {
    private final int status;
    private final UploadOutcome outcome;

    public UploadRejectedException(int status, UploadOutcome outcome, String message) {
        super(message);
        this.status = status;
        this.outcome = outcome;
    }

    public int status() {
        return status;
    }

    public UploadOutcome outcome() {
        return outcome;
    }
}
