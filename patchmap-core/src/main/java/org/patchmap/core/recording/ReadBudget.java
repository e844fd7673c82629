package org.patchmap.core.recording;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The running account of one file's read against its {@link ReadLimits}: the bytes the reading
 * thread has allocated since the read began (the JVM's own per-thread count, so every allocation
 * counts, the HDF5 library's included) and the time spent. Readers call {@link #check()} at each
 * read of the file's bytes and {@link #reserve} before allocating what a declared size asks for;
 * both throw {@link OverBudgetException}. Confined to the thread that started it.
 */
public final class ReadBudget {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final ReadLimits limits;
    private final long startBytes;
    private final long startNanos;
    private final long deadline;
    private volatile String overrun;

    private ReadBudget(ReadLimits limits) {
        this.limits = limits;
        this.startBytes = THREADS.getCurrentThreadAllocatedBytes();
        this.startNanos = System.nanoTime();
        this.deadline = startNanos + limits.maxTime().toNanos();
    }

    /** Starts the account on the calling thread, which must be the one that reads. */
    public static ReadBudget start(ReadLimits limits) {
        return new ReadBudget(limits);
    }

    /** Bytes allocated by this thread since the read began. */
    public long allocated() {
        return THREADS.getCurrentThreadAllocatedBytes() - startBytes;
    }

    /** Fails when the read is over its time or memory. */
    public void check() {
        if (System.nanoTime() > deadline) {
            fail("reading took longer than the reader's time budget (" + seconds(limits.maxTime().toMillis()) + ")");
        }
        long used = allocated();
        if (used > limits.maxBytes()) {
            fail("reading allocated " + mb(used) + ", over the reader's memory budget (" + mb(limits.maxBytes()) + ")");
        }
    }

    /** Fails unless {@code bytes} more fit in the memory budget; {@code what} names the thing that asks. */
    public void reserve(long bytes, String what) {
        check();
        if (bytes < 0 || bytes > limits.maxBytes() - allocated()) {
            fail(what + " needs " + (bytes < 0 ? "more than " + Long.MAX_VALUE + " bytes" : mb(bytes))
                    + ": over the reader's memory budget (" + mb(limits.maxBytes()) + ")");
        }
    }

    /**
     * Why the budget stopped the read, or null. A library may wrap the exception into its own
     * without the cause; the reader asks here so that the reason still reaches the user.
     */
    public String overrun() {
        return overrun;
    }

    private void fail(String why) {
        overrun = why;
        throw new OverBudgetException(why);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1e3);
    }

    /** A read stopped by its budget; unchecked so that it passes through the HDF5 library. */
    public static final class OverBudgetException extends RuntimeException {
        OverBudgetException(String message) {
            super(message);
        }
    }
}
