package org.patchmap.core.protocol;

/** A file has no long-square epoch; the message names the file and says why. */
public class NoLongSquareException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoLongSquareException(String message) {
        super(message);
    }
}
