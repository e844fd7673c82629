package org.patchmap.core.recording.nwb;

import org.patchmap.core.recording.ReadBudget;

/**
 * The file being read on this thread: its size and its budget, for the size checks deep in the
 * accessors without passing them through every call. A read is confined to one thread
 * ({@link NwbReader}), so one value per thread is the read's own.
 */
record ReadContext(long fileSize, ReadBudget budget) {
    private static final ThreadLocal<ReadContext> CURRENT = new ThreadLocal<>();

    static ReadContext current() {
        ReadContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("no NWB read in progress on this thread");
        }
        return c;
    }

    void enter() {
        CURRENT.set(this);
    }

    static void leave() {
        CURRENT.remove();
    }
}
