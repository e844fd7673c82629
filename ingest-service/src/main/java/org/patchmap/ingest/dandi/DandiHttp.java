package org.patchmap.ingest.dandi;

import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the JSON requests and the downloads share: one {@link HttpClient} that leaves redirects
 * to its caller (a download keeps the storage URL a redirect names, to resume there), the GET
 * request every call makes, and {@code patchmap_dandi_requests_total{endpoint,status}}.
 */
final class DandiHttp {
    /** Redirects followed per request. */
    static final int MAX_REDIRECTS = 5;

    private final URI apiUrl;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final MeterRegistry registry;

    DandiHttp(DandiClient.Settings settings, MeterRegistry registry) {
        this.apiUrl = settings.apiUrl();
        this.requestTimeout = settings.requestTimeout();
        this.registry = registry;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return http.send(request, body);
    }

    HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).GET()
                .header("User-Agent", "PatchMap ingest-service (https://github.com/patchmap)");
    }

    /** A URL of the API, from a path relative to its base. */
    URI api(String relative) {
        return apiUrl.resolve(relative);
    }

    /** Counts one answer (or {@code io-error}) of {@code endpoint}. */
    void count(String endpoint, String status) {
        registry.counter("patchmap.dandi.requests", "endpoint", endpoint, "status", status).increment();
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** One path segment, percent-encoded. */
    static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Keeps the thread's interrupt and says which request it cut short. */
    static InterruptedIOException interrupted(URI uri) {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted during GET " + uri);
    }
}
