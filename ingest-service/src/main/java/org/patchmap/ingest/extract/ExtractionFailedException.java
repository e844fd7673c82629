package org.patchmap.ingest.extract;

/**
 * An asset that could not be extracted for a reason other than its content (a download, a
 * digest mismatch, the disk budget, a bug): recorded as {@code failed} and dead-lettered.
 */
public class ExtractionFailedException extends RuntimeException {
    public ExtractionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
