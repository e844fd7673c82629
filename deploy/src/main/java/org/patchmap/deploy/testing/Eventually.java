package org.patchmap.deploy.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for an asynchronous result (a consumer writing to MongoDB) without fixed sleeps. */
public final class Eventually {
    /**
     * The one bound on every wait of the tests: far above what anything takes even on a busy 2-core
     * build machine, so that it is reached only by a true hang. Tests wait for events, never for time:
     * this bound only decides how long a broken run takes to report.
     */
    public static final Duration HANG_GUARD = Duration.ofMinutes(2);

    private Eventually() {
    }

    /** The first non-empty value of {@code probe}, or an AssertionError naming {@code what} after {@link #HANG_GUARD}. */
    public static <T> T get(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": nothing after " + HANG_GUARD);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Returns once {@code condition} holds, or throws an AssertionError naming {@code what} after {@link #HANG_GUARD}. */
    public static void until(String what, BooleanSupplier condition) {
        get(what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
    }
}
