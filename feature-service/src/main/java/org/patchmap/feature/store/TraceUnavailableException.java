package org.patchmap.feature.store;

/** A family's traces are missing from GridFS, damaged, or do not match their event. */
public class TraceUnavailableException extends RuntimeException {
    public TraceUnavailableException(String message) {
        super(message);
    }

    public TraceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
