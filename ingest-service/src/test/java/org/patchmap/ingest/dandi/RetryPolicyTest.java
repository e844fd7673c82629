package org.patchmap.ingest.dandi;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The delays and decisions of the retry policy, without a server. */
class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(new DandiClient.Settings(URI.create("http://dandi.test/api"),
            Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofSeconds(30), 2, 10), new SimpleMeterRegistry());

    private static HttpHeaders retryAfter(String value) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(value)), (name, v) -> true);
    }

    @Test
    void theBackoffDoublesUpToItsCapWithAJitterOfHalfToWhole() {
        long[] caps = {100, 200, 400, 800, 1000, 1000};
        for (int attempt = 1; attempt <= caps.length; attempt++) {
            for (int i = 0; i < 50; i++) {
                long ms = policy.backoff(attempt).toMillis();
                assertTrue(ms >= caps[attempt - 1] / 2 && ms < caps[attempt - 1], "attempt " + attempt + ": " + ms);
            }
        }
    }

    @Test
    void retryAfterInSecondsOrAsADateIsCappedAndNeverNegative() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), policy.retryAfter(retryAfter(" 7 ")));
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.retryAfter(retryAfter("3600")));
        assertEquals(Optional.of(Duration.ZERO), policy.retryAfter(retryAfter("-5")));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        assertEquals(Optional.of(Duration.ZERO), policy.retryAfter(retryAfter(past)));
        String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.retryAfter(retryAfter(later)));
        assertEquals(Optional.empty(), policy.retryAfter(retryAfter("soon")));
        assertEquals(Optional.empty(), policy.retryAfter(HttpHeaders.of(Map.of(), (name, v) -> true)));
        assertEquals(Optional.empty(), policy.retryAfter(null));
    }

    @Test
    void onlyA429OrA5xxIsRetried() {
        assertTrue(RetryPolicy.retryable(429));
        assertTrue(RetryPolicy.retryable(500));
        assertTrue(RetryPolicy.retryable(503));
        assertFalse(RetryPolicy.retryable(404));
        assertFalse(RetryPolicy.retryable(403));
        assertEquals("http_429", RetryPolicy.reason(429));
        assertEquals("http_5xx", RetryPolicy.reason(502));
        assertEquals("http_416", RetryPolicy.reason(416));
    }
}
