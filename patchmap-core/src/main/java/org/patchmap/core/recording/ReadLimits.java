package org.patchmap.core.recording;

import java.time.Duration;

/**
 * How much one file may cost its reader: bytes allocated while reading it and wall time. A file
 * over either limit is unreadable with that reason, so a damaged or hostile file can never take
 * a worker's memory or time from the files after it.
 *
 * @param maxBytes bytes the reading thread may allocate for one file
 * @param maxTime  time one file may take to read
 */
public record ReadLimits(long maxBytes, Duration maxTime) {
    public ReadLimits {
        if (maxBytes <= 0 || maxTime == null || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("read limits must be positive: " + maxBytes + " bytes, " + maxTime);
        }
    }

    /** Half the heap and ten minutes: room for the file's traces and their analysis beside it. */
    public static ReadLimits defaults() {
        return new ReadLimits(Runtime.getRuntime().maxMemory() / 2, Duration.ofMinutes(10));
    }
}
