package org.patchmap.messaging.store;

/** Traces a claim-check points at are missing from GridFS, damaged, or do not match their event; the message names the file. */
public class TraceUnavailableException extends RuntimeException {
    public TraceUnavailableException(String message) {
        super(message);
    }

    public TraceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
