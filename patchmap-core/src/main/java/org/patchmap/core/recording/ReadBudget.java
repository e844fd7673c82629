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
    private volatile OverBudgetException overrun;

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
            fail(Limit.TIME, "reading took longer than the reader's time budget ("
                    + time(limits.maxTime()) + ")");
        }
        long used = allocated();
        if (used > limits.maxBytes()) {
            fail(Limit.MEMORY, "reading allocated " + mb(used) + ", over the reader's memory budget (" + mb(limits.maxBytes()) + ")");
        }
    }

    /** Fails unless {@code bytes} more fit in the memory budget; {@code what} names the thing that asks. */
    public void reserve(long bytes, String what) {
        check();
        if (bytes < 0 || bytes > limits.maxBytes() - allocated()) {
            fail(Limit.MEMORY, what + " needs " + (bytes < 0 ? "more than " + Long.MAX_VALUE + " bytes" : mb(bytes))
                    + ": over the reader's memory budget (" + mb(limits.maxBytes()) + ")");
        }
    }

    /**
     * Why the budget stopped the read, or null. A library may wrap the exception into its own
     * without the cause; the reader asks here so that the reason still reaches the user.
     */
    public OverBudgetException overrun() {
        return overrun;
    }

    private void fail(Limit limit, String why) {
        overrun = new OverBudgetException(limit, why);
        throw overrun;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String time(java.time.Duration d) {
        if (d.toMillis() >= 1000) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1e3);
        }
        return java.math.BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
    }

    /** Which limit stopped a read. */
    public enum Limit { MEMORY, TIME }

    /**
     * A read stopped by its budget; unchecked so that it passes through the HDF5 library. Readers
     * give it as the cause of the file's {@link UnreadableFileException}.
     */
    public static final class OverBudgetException extends RuntimeException {
        private final Limit limit;

        OverBudgetException(Limit limit, String message) {
            super(message);
            this.limit = limit;
        }

        public Limit limit() {
            return limit;
        }

        /** The budget's stop behind {@code e}, or null when something else made the file unreadable. */
        public static OverBudgetException of(UnreadableFileException e) {
            return e.getCause() instanceof OverBudgetException o ? o : null;
        }
    }
}
