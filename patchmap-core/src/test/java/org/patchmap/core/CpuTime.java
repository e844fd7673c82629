package org.patchmap.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * What the code under test costs, for the tests that bound it: the CPU time of the calling thread, so that
 * other processes on a shared build machine do not count, and the least of many runs, so that what still
 * stretches a run (the JIT, the collector, caches shared with a busy neighbour) does not count either.
 */
public final class CpuTime {
    /** How long to keep measuring again while a measurement is over its bound. */
    static final Duration PATIENCE = Duration.ofMinutes(1);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        THREADS.setThreadCpuTimeEnabled(true);
    }

    private CpuTime() {
    }

    /** Work to measure. */
    public interface Work {
        void run() throws Exception;
    }

    /** Nanoseconds of CPU (user and system) the calling thread has used so far. */
    public static long nanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * The least CPU time in ms that one run of {@code work} takes, over at least {@code runs} runs and, while
     * that is not under {@code boundMs}, more runs for up to {@link #PATIENCE}. The code's cost is what a run
     * takes undisturbed: the JIT still compiling, the collector, cores and caches shared with a busy neighbour
     * only ever add to a run (even to its CPU time), so code as cheap as the bound says shows it in some run,
     * and code that is not never does.
     */
    public static double leastMs(int runs, double boundMs, Work work) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long least = Long.MAX_VALUE;
        for (int r = 0; r < runs || (least / 1e6 >= boundMs && System.nanoTime() < deadline); r++) {
            long t0 = nanos();
            work.run();
            least = Math.min(least, nanos() - t0);
        }
        return least / 1e6;
    }
}
