package org.patchmap.messaging.limits;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Per-client request limits: a token bucket of {@code perMinute} tokens refilled continuously
 * ({@code perMinute} a minute, so a client may send that many at once, then one every
 * {@code 60 / perMinute} seconds), and at most {@code concurrent} requests in progress. A limit of
 * 0 or less is off.
 *
 * <p>Hand-written: Bucket4j is not among the libraries this build can use, and Resilience4j's
 * rate limiter is a fixed-window limiter per instance, not a per-key token bucket; this is a few
 * lines of arithmetic under one lock (the limited requests are rare and costly, so the lock is never
 * contended).
 */
public final class ClientLimits {
    /** Clients tracked before the idle ones (bucket full, nothing in progress) are forgotten. */
    static final int MAX_TRACKED = 10_000;
    private static final double NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final int perMinute;
    private final int concurrent;
    private final long concurrencyRetryAfterSeconds;
    private final LongSupplier nanoClock;
    private final Map<String, Client> clients = new HashMap<>();

    /** The answer to one request's arrival. */
    public sealed interface Admission {
    }

    /** Admitted: call {@link #release()} once the request's answer is sent or its connection is gone. */
    public record Admitted(Runnable release) implements Admission {
    }

    /** Refused by {@code limit}; the client may try again after {@code retryAfterSeconds}. */
    public record Refused(ClientLimit limit, long retryAfterSeconds) implements Admission {
    }

    private static final class Client {
        double tokens;
        long refilledAt;
        int inProgress;
    }

    /**
     * @param concurrencyRetryAfterSeconds what a client refused for concurrency is told to wait: about the
     *                                     time one request takes
     * @param nanoClock                    {@link System#nanoTime()}, or a clock a test moves
     */
    public ClientLimits(int perMinute, int concurrent, long concurrencyRetryAfterSeconds, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.concurrent = concurrent;
        this.concurrencyRetryAfterSeconds = concurrencyRetryAfterSeconds;
        this.nanoClock = nanoClock;
    }

    public int perMinute() {
        return perMinute;
    }

    public int concurrent() {
        return concurrent;
    }

    /**
     * One request from {@code client} arrives. The concurrency limit is checked first, so that a
     * refusal for it costs no token; a refusal for either costs nothing.
     */
    public synchronized Admission admit(String client) {
        long now = nanoClock.getAsLong();
        if (clients.size() >= MAX_TRACKED) {
            forgetIdle(now);
        }
        Client c = clients.computeIfAbsent(client, k -> newClient(now));
        refill(c, now);
        if (concurrent > 0 && c.inProgress >= concurrent) {
            return new Refused(ClientLimit.CONCURRENCY, concurrencyRetryAfterSeconds);
        }
        if (perMinute > 0) {
            if (c.tokens < 1) {
                double nanosToOne = (1 - c.tokens) * NANOS_PER_MINUTE / perMinute;
                return new Refused(ClientLimit.RATE, Math.max(1, (long) Math.ceil(nanosToOne / 1e9)));
            }
            c.tokens -= 1;
        }
        c.inProgress++;
        boolean[] released = {false};
        return new Admitted(() -> release(c, released));
    }

    /** Requests in progress, all clients together. */
    public synchronized int inProgress() {
        return clients.values().stream().mapToInt(c -> c.inProgress).sum();
    }

    /** Clients currently tracked (for tests of the forgetting). */
    synchronized int tracked() {
        return clients.size();
    }

    private synchronized void release(Client c, boolean[] released) {
        if (!released[0]) {
            released[0] = true;
            c.inProgress--;
        }
    }

    private Client newClient(long now) {
        Client c = new Client();
        c.tokens = perMinute;
        c.refilledAt = now;
        return c;
    }

    private void refill(Client c, long now) {
        if (perMinute > 0) {
            c.tokens = Math.min(perMinute, c.tokens + (now - c.refilledAt) * perMinute / NANOS_PER_MINUTE);
        }
        c.refilledAt = now;
    }

    private void forgetIdle(long now) {
        for (Iterator<Client> it = clients.values().iterator(); it.hasNext(); ) {
            Client c = it.next();
            refill(c, now);
            if (c.inProgress == 0 && (perMinute <= 0 || c.tokens >= perMinute)) {
                it.remove();
            }
        }
    }
}
