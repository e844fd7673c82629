package org.patchmap.deploy.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for an asynchronous result (a consumer writing to MongoDB) without fixed sleeps. */
public final class Eventually {
    private Eventually() {
    }

    /** The first non-empty value of {@code probe} within {@code timeout}, or an AssertionError naming {@code what}. */
    public static <T> T get(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": nothing after " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
