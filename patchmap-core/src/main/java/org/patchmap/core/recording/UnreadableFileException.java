package org.patchmap.core.recording;

/**
 * A file that cannot give current-clamp sweeps, with one specific message that names the file
 * (and the series or field) and the cause: "99111002.nwb: series 'CurrentClampSeries_001' has
 * unit 'furlongs', expected V, volts, mV". Readers throw it; callers report it as the file's error.
 */
public class UnreadableFileException extends Exception {
    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
