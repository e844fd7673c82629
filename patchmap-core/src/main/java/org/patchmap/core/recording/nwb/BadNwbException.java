package org.patchmap.core.recording.nwb;

/**
 * Internal: why a file gives no usable sweeps, without the file name (NwbReader adds it and turns
 * it into an {@link org.patchmap.core.recording.UnreadableFileException}).
 */
final class BadNwbException extends Exception {
    BadNwbException(String message) {
        super(message);
    }
}
