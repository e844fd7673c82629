package org.patchmap.core.recording;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Runs one file's read on one thread, so that its {@link ReadBudget} (a per-thread allocation
 * count) sees everything the read costs: the HDF5 library decodes chunks with a parallel stream,
 * which inside a one-worker fork-join pool runs on that worker instead of the shared pool. A
 * caller already on such a worker (a batch that confines its own reads) runs inline.
 */
public final class OneThread {
    private OneThread() {
    }

    /** The read's work. */
    public interface Read<T> {
        T run() throws UnreadableFileException;
    }

    /** Runs {@code read} confined to one thread; {@code name} names the file in unexpected failures. */
    public static <T> T call(String name, Read<T> read) throws UnreadableFileException {
        if (confined()) {
            return read.run();
        }
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            return pool.submit(() -> {
                try {
                    return new Outcome<>(read.run(), null);
                } catch (UnreadableFileException e) {
                    return new Outcome<T>(null, e);
                }
            }).get().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableFileException(name + ": reading was interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** True on the worker of a one-worker fork-join pool. */
    public static boolean confined() {
        return Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool().getParallelism() == 1;
    }

    private record Outcome<T>(T value, UnreadableFileException error) {
        T get() throws UnreadableFileException {
            if (error != null) {
                throw error;
            }
            return value;
        }
    }
}
