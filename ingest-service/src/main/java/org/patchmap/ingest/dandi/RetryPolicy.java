package org.patchmap.ingest.dandi;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How patiently the client talks to DANDI: which failures are worth another attempt (an
 * IOException, a 5xx, a 429), how long to wait before it (exponential backoff with jitter, or
 * what {@code Retry-After} asks, capped), and how many requests may be in flight at once.
 * Counts each retry in {@code patchmap_dandi_retries_total{reason}}.
 */
final class RetryPolicy {
    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);

    /** How the policy waits before another attempt. */
    interface Pause {
        void sleep(Duration delay) throws InterruptedException;
    }

    /** Replaceable so that a test can see which delay was chosen, not only how long a call took. */
    Pause pause = delay -> Thread.sleep(delay.toMillis());

    private final int maxAttempts;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Duration retryAfterMax;
    private final Semaphore permits;
    private final MeterRegistry registry;

    RetryPolicy(DandiClient.Settings settings, MeterRegistry registry) {
        this.maxAttempts = settings.maxAttempts();
        this.backoffInitial = settings.backoffInitial();
        this.backoffMax = settings.backoffMax();
        this.retryAfterMax = settings.retryAfterMax();
        this.permits = new Semaphore(settings.maxConcurrentRequests(), true);
        this.registry = registry;
    }

    /** Attempts per request; for a download, attempts in a row that add no byte. */
    int maxAttempts() {
        return maxAttempts;
    }

    /** Waits for one of the {@code maxConcurrentRequests} places; {@link #release()} gives it back. */
    void acquire() {
        permits.acquireUninterruptibly();
    }

    void release() {
        permits.release();
    }

    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** The {@code reason} label of a retry after this status. */
    static String reason(int status) {
        return status == 429 ? "http_429" : status >= 500 ? "http_5xx" : "http_" + status;
    }

    /** Counts a retry and waits before it: what {@code Retry-After} says, else the backoff of this attempt. */
    void retry(String reason, int attempt, HttpHeaders headers, URI uri, String what) throws IOException {
        counted(reason);
        Duration delay = retryAfter(headers).orElseGet(() -> backoff(attempt));
        LOG.debugf("GET %s: %s, attempt %d, retrying in %d ms", uri, what, attempt, delay.toMillis());
        try {
            pause.sleep(delay);
        } catch (InterruptedException e) {
            throw DandiHttp.interrupted(uri);
        }
    }

    /** Counts a retry that goes at once (a download that made progress). */
    void counted(String reason) {
        registry.counter("patchmap.dandi.retries", "reason", reason).increment();
    }

    /** backoffInitial × 2^(attempt−1), at most backoffMax, times a jitter in [0.5, 1). */
    Duration backoff(int attempt) {
        double base = backoffInitial.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(base, backoffMax.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble())));
    }

    /** Retry-After in seconds or as an HTTP date, at most retryAfterMax. */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        if (headers == null) {
            return Optional.empty();
        }
        Optional<String> v = headers.firstValue("Retry-After");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(v.get().strip()));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(Instant.now(),
                        ZonedDateTime.parse(v.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException e2) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(retryAfterMax) > 0 ? retryAfterMax : d);
    }
}
