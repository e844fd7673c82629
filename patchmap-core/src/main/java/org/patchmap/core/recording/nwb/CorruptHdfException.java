package org.patchmap.core.recording.nwb;

import org.patchmap.core.recording.ReadBudget;

/**
 * A damaged structure met while reading one HDF5 object, with the object's path: unchecked so
 * that it can leave the accessors and the HDF5 library's callbacks; NwbReader reports it as
 * "corrupt or truncated HDF5".
 */
final class CorruptHdfException extends RuntimeException {
    CorruptHdfException(String message) {
        super(message);
    }

    private CorruptHdfException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code e}, met while reading {@code path}, with that path; the innermost path is kept and
     * a budget's stop passes unchanged.
     */
    static RuntimeException at(String path, RuntimeException e) {
        if (e instanceof CorruptHdfException || e instanceof ReadBudget.OverBudgetException) {
            return e;
        }
        return new CorruptHdfException("'" + path + "': " + describe(e), e);
    }

    /**
     * The exception and its deepest cause (where the damage was met: a read outside the file, a
     * buffer underflow...), short.
     */
    static String describe(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        Throwable c = e.getCause();
        for (int depth = 0; c != null && c.getCause() != null && c.getCause() != c && depth < 16; depth++) {
            c = c.getCause();
        }
        if (c != null && c != e && c.getMessage() != null && (m == null || !m.contains(c.getMessage()))) {
            s += " (" + c.getClass().getSimpleName() + ": " + c.getMessage() + ")";
        }
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
