package org.patchmap.events;

/** An event that cannot be read: bad JSON, a missing field, an unsupported schema version. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
