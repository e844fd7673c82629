package org.patchmap.core.recording.abf;

/**
 * Internal: the cause of an unreadable ABF file, without the file name (AbfReader adds it and
 * turns it into an {@link org.patchmap.core.recording.UnreadableFileException}).
 */
final class CorruptAbfException extends Exception {
    CorruptAbfException(String message) {
        super(message);
    }
}
