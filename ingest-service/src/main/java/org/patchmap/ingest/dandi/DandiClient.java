package org.patchmap.ingest.dandi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;
import org.patchmap.core.dandi.DandiAsset;
import org.patchmap.core.dandi.DandisetSummary;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.events.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The DANDI REST API (https://api.dandiarchive.org/api) on {@link HttpClient}: the dandiset
 * listing, version metadata, asset listings and metadata, and resumable, verified downloads.
 * <p>
 * Every request: connect and request timeouts; up to {@code maxAttempts} attempts on an
 * IOException, a 5xx or a 429, waiting an exponential backoff with jitter, or what
 * {@code Retry-After} asks on a 429/503; at most {@code maxConcurrentRequests} in flight
 * (downloads included); a failure for good throws {@link DandiException} naming the URL and
 * the status. Metrics: {@code patchmap_dandi_requests_total{endpoint,status}},
 * {@code patchmap_dandi_retries_total{reason}}, {@code patchmap_dandi_download_bytes_total},
 * {@code patchmap_dandi_download_seconds}.
 */
public class DandiClient {
    private static final Logger LOG = Logger.getLogger(DandiClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_PAGES = 100_000;

    /**
     * How the client behaves (see {@link DandiConfig} for each value's meaning).
     */
    public record Settings(URI apiUrl, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                           Duration backoffInitial, Duration backoffMax, Duration retryAfterMax,
                           int maxConcurrentRequests, int pageSize) {
        public Settings {
            String s = apiUrl.toString();
            apiUrl = URI.create(s.endsWith("/") ? s : s + "/");
            if (maxAttempts < 1 || maxConcurrentRequests < 1 || pageSize < 1) {
                throw new IllegalArgumentException("maxAttempts, maxConcurrentRequests and pageSize must be >= 1");
            }
        }

        public static Settings from(DandiConfig c) {
            return new Settings(URI.create(c.apiUrl()), c.connectTimeout(), c.requestTimeout(), c.maxAttempts(),
                    c.backoffInitial(), c.backoffMax(), c.retryAfterMax(), c.maxConcurrentRequests(), c.pageSize());
        }

        /** The production defaults, for another base URL. */
        public static Settings defaults(URI apiUrl) {
            return new Settings(apiUrl, Duration.ofSeconds(10), Duration.ofSeconds(60), 5, Duration.ofSeconds(1),
                    Duration.ofSeconds(60), Duration.ofMinutes(5), 4, 100);
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final Semaphore permits;
    private final MeterRegistry registry;
    private final Counter downloadBytes;
    private final Timer downloadTimer;
    private final ScheduledExecutorService watchdog;

    /** How the client waits before another attempt. */
    interface Pause {
        void sleep(Duration delay) throws InterruptedException;
    }

    /** Replaceable so that a test can see which delay was chosen, not only how long a call took. */
    Pause pause = delay -> Thread.sleep(delay.toMillis());

    public DandiClient(Settings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        // Redirects by hand: a download's redirect target (the storage URL) is kept for the resume.
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.permits = new Semaphore(settings.maxConcurrentRequests(), true);
        this.downloadBytes = Counter.builder("patchmap.dandi.download.bytes")
                .description("Bytes of DANDI assets received").baseUnit("bytes").register(registry);
        this.downloadTimer = Timer.builder("patchmap.dandi.download")
                .description("Time to download and verify one DANDI asset").register(registry);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dandi-download-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    public Settings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- JSON endpoints

    /** Every non-empty, non-embargoed dandiset, most recently modified first, across all pages. */
    public List<DandisetSummary> listDandisets() throws IOException {
        URI first = api("dandisets/?page=1&page_size=" + settings.pageSize()
                + "&ordering=-modified&embargoed=false&empty=false");
        return paged("dandisets", first, DandisetSummary::fromJson);
    }

    /** {@code GET /dandisets/{id}/versions/{version}/}: the version's metadata. */
    public DandisetVersion version(String dandisetId, String version) throws IOException {
        return DandisetVersion.fromJson(versionJson(dandisetId, version));
    }

    /** The raw JSON of {@link #version}, for whoever needs more fields. */
    public JsonNode versionJson(String dandisetId, String version) throws IOException {
        return getJson("version", api("dandisets/" + seg(dandisetId) + "/versions/" + seg(version) + "/"));
    }

    /** {@code GET /dandisets/{id}/versions/{version}/assets/}, all pages. */
    public List<DandiAsset> assets(String dandisetId, String version) throws IOException {
        URI first = api("dandisets/" + seg(dandisetId) + "/versions/" + seg(version) + "/assets/?page=1&page_size="
                + settings.pageSize());
        return paged("assets", first, DandiAsset::fromJson);
    }

    /** {@code GET /dandisets/{id}/versions/{version}/assets/{asset_id}/}: the asset's metadata (digest, subject...). */
    public JsonNode assetMetadata(String dandisetId, String version, String assetId) throws IOException {
        return getJson("asset-metadata", api("dandisets/" + seg(dandisetId) + "/versions/" + seg(version)
                + "/assets/" + seg(assetId) + "/"));
    }

    private <T> List<T> paged(String endpoint, URI first, Function<JsonNode, T> parse) throws IOException {
        List<T> out = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI next = first;
        while (next != null) {
            if (!seen.add(next) || seen.size() > MAX_PAGES) {
                throw new DandiException("GET " + next + ": the listing's next links loop", next, 200, null);
            }
            JsonNode page = getJson(endpoint, next);
            JsonNode results = page.get("results");
            if (results == null || !results.isArray()) {
                throw new DandiException("GET " + next + ": no results array in the page", next, 200, null);
            }
            results.forEach(r -> out.add(parse.apply(r)));
            JsonNode n = page.get("next");
            next = n == null || n.isNull() || n.asText().isBlank() ? null : next.resolve(n.asText());
        }
        return out;
    }

    JsonNode getJson(String endpoint, URI uri) throws IOException {
        URI target = uri;
        int redirects = 0;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            permits.acquireUninterruptibly();
            try {
                response = http.send(get(target).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                count(endpoint, "io-error");
                if (attempt >= settings.maxAttempts()) {
                    throw new DandiException("GET " + target + " failed after " + attempt + " attempts: " + e,
                            target, -1, e);
                }
                retry("io", attempt, null, target, e.toString());
                continue;
            } catch (InterruptedException e) {
                throw interrupted(target);
            } finally {
                permits.release();
            }
            int status = response.statusCode();
            count(endpoint, Integer.toString(status));
            if (status == 200) {
                try {
                    return MAPPER.readTree(response.body());
                } catch (IOException e) {
                    throw new DandiException("GET " + target + ": HTTP 200 but the body is not JSON: " + e.getMessage(),
                            target, status, e);
                }
            }
            if (isRedirect(status) && redirects < MAX_REDIRECTS) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isPresent()) {
                    target = target.resolve(location.get());
                    redirects++;
                    attempt--;
                    continue;
                }
            }
            if (retryable(status) && attempt < settings.maxAttempts()) {
                retry(reason(status), attempt, response.headers(), target, "HTTP " + status);
                continue;
            }
            throw new DandiException("GET " + target + ": HTTP " + status
                    + (retryable(status) ? " after " + attempt + " attempts" : "") + snippet(response.body()),
                    target, status, null);
        }
    }

    // ---------------------------------------------------------------- downloads

    /**
     * Downloads an asset to {@code target}: {@code GET /assets/{asset_id}/download/}, then the
     * storage URL it redirects to, streamed into {@code target.part}. A broken connection or a
     * short body resumes with {@code Range: bytes=N-} on the storage URL (a {@code .part} left
     * by an earlier run is resumed too); an attempt that adds bytes does not count against
     * {@code maxAttempts}, {@code maxAttempts} attempts in a row without a new byte end it. The
     * size (when {@code expectedSize >= 0}) and the SHA-256 (when given) are checked before the
     * file is moved to {@code target}; a digest mismatch deletes it and throws
     * {@link DigestMismatchException}.
     *
     * @return {@code target}
     */
    public Path download(String assetId, Path target, long expectedSize, String sha256OrNull) throws IOException {
        Timer.Sample sample = Timer.start(registry);
        try {
            return doDownload(assetId, target, expectedSize, sha256OrNull);
        } finally {
            sample.stop(downloadTimer);
        }
    }

    private Path doDownload(String assetId, Path target, long expectedSize, String sha256) throws IOException {
        URI apiUri = api("assets/" + seg(assetId) + "/download/");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        URI storage = null;
        int stalled = 0;
        int total = 0;
        long expected = expectedSize;
        while (true) {
            long have = Files.exists(part) ? Files.size(part) : 0;
            if (expected >= 0 && have > expected) {
                Files.delete(part);
                have = 0;
            }
            if (expected >= 0 && have == expected) {
                break;
            }
            total++;
            Attempt a = attempt(apiUri, storage, part, have);
            storage = a.storage;
            if (a.expectedTotal >= 0 && expected < 0) {
                expected = a.expectedTotal;
            }
            if (a.done && (expected < 0 || a.have == expected)) {
                break;
            }
            if (a.fatal != null) {
                throw a.fatal;
            }
            stalled = a.have > have ? 0 : stalled + 1;
            String what = a.failure != null ? a.failure : "body ended at byte " + a.have + " of " + expected;
            if (stalled >= settings.maxAttempts() || total >= 10 * settings.maxAttempts()) {
                throw new DandiException("download of asset " + assetId + " from " + a.uri + " failed after "
                        + total + " attempts (" + a.have + " of " + (expected < 0 ? "?" : expected)
                        + " bytes): " + what, a.uri, a.status, a.cause);
            }
            String reason = a.status >= 400 ? reason(a.status) : a.cause != null ? "io" : "short_body";
            if (stalled == 0) {
                // Progress: resume at once.
                registry.counter("patchmap.dandi.retries", "reason", reason).increment();
                LOG.debugf("download of %s resumes at byte %d: %s", assetId, a.have, what);
            } else {
                retry(reason, stalled, a.headers, a.uri, what);
            }
        }
        if (sha256 != null && !sha256.isBlank()) {
            String actual = Sha256.hex(part);
            if (!actual.equalsIgnoreCase(sha256.strip())) {
                Files.deleteIfExists(part);
                throw new DigestMismatchException(assetId, apiUri, sha256.strip().toLowerCase(Locale.ROOT), actual);
            }
        }
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** What one download attempt achieved. */
    private static final class Attempt {
        URI uri;
        URI storage;
        long have;
        long expectedTotal = -1;
        boolean done;
        int status = -1;
        HttpHeaders headers;
        String failure;
        IOException cause;
        DandiException fatal;
    }

    private Attempt attempt(URI apiUri, URI storage, Path part, long have) throws IOException {
        Attempt a = new Attempt();
        a.storage = storage;
        a.have = have;
        URI target = storage != null ? storage : apiUri;
        a.uri = target;
        permits.acquireUninterruptibly();
        try {
            for (int hop = 0; ; hop++) {
                String endpoint = target.equals(apiUri) ? "download" : "blob";
                HttpRequest.Builder req = get(target);
                if (have > 0) {
                    req.header("Range", "bytes=" + have + "-");
                }
                HttpResponse<InputStream> response;
                try {
                    response = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (IOException e) {
                    count(endpoint, "io-error");
                    a.cause = e;
                    a.failure = e.toString();
                    return a;
                }
                int status = response.statusCode();
                count(endpoint, Integer.toString(status));
                a.status = status;
                a.headers = response.headers();
                if (isRedirect(status)) {
                    response.body().close();
                    Optional<String> location = response.headers().firstValue("Location");
                    if (location.isEmpty() || hop >= MAX_REDIRECTS) {
                        a.fatal = new DandiException("GET " + target + ": HTTP " + status
                                + (location.isEmpty() ? " without Location" : " redirects too often"), target, status, null);
                        return a;
                    }
                    target = target.resolve(location.get());
                    a.storage = target;
                    a.uri = target;
                    continue;
                }
                if (status == 200 || status == 206) {
                    long start = 0;
                    if (status == 206) {
                        long[] range = contentRange(response.headers());
                        start = range[0];
                        a.expectedTotal = range[1];
                        if (start != have) {
                            response.body().close();
                            Files.deleteIfExists(part);
                            a.have = 0;
                            a.failure = "HTTP 206 from byte " + start + " when byte " + have + " was asked";
                            return a;
                        }
                    } else {
                        a.expectedTotal = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                    }
                    // A 200 is the whole file (a server that ignores Range): start over.
                    a.have = stream(response.body(), part, start, a);
                    if (a.failure == null) {
                        a.done = true;
                    }
                    return a;
                }
                try (InputStream body = response.body()) {
                    body.readNBytes(2048);
                } catch (IOException ignored) {
                    // the status says enough
                }
                if (status == 416 && have > 0) {
                    // The part file is as long as (or longer than) the object: check it as complete.
                    a.done = true;
                    return a;
                }
                if (status == 403 && storage != null) {
                    // An expired signed storage URL: ask the API for a fresh one.
                    a.storage = null;
                    a.failure = "HTTP 403 from the storage URL";
                    return a;
                }
                if (retryable(status)) {
                    a.failure = "HTTP " + status;
                    return a;
                }
                a.fatal = new DandiException("GET " + target + ": HTTP " + status, target, status, null);
                return a;
            }
        } catch (InterruptedException e) {
            throw interrupted(target);
        } finally {
            permits.release();
        }
    }

    /** Appends the body to the part file (from byte {@code start}); returns the part file's length after. */
    private long stream(InputStream body, Path part, long start, Attempt a) throws IOException {
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
        long stallNanos = settings.requestTimeout().toNanos();
        // A body that stops flowing would block read() for ever: close it after requestTimeout of silence.
        ScheduledFuture<?> guard = watchdog.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastRead.get() > stallNanos) {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // closing is all we want
                }
            }
        }, Math.max(1, stallNanos / 4), Math.max(1, stallNanos / 4), TimeUnit.NANOSECONDS);
        long received = 0;
        StandardOpenOption mode = start == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                lastRead.set(System.nanoTime());
                out.write(buffer, 0, n);
                received += n;
            }
        } catch (IOException e) {
            a.cause = e;
            a.failure = "connection broken after " + received + " bytes: " + e;
        } finally {
            guard.cancel(false);
            downloadBytes.increment(received);
        }
        return Files.size(part);
    }

    /** {@code Content-Range: bytes start-end/total} → {start, total (-1 when *)}. */
    private static long[] contentRange(HttpHeaders headers) {
        String v = headers.firstValue("Content-Range").orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)").matcher(v);
        if (!m.find()) {
            return new long[]{-1, -1};
        }
        return new long[]{Long.parseLong(m.group(1)), m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3))};
    }


    // ---------------------------------------------------------------- retries, metrics, helpers

    private void retry(String reason, int attempt, HttpHeaders headers, URI uri, String what) throws IOException {
        registry.counter("patchmap.dandi.retries", "reason", reason).increment();
        Duration delay = retryAfter(headers).orElseGet(() -> backoff(attempt));
        LOG.debugf("GET %s: %s, attempt %d, retrying in %d ms", uri, what, attempt, delay.toMillis());
        try {
            pause.sleep(delay);
        } catch (InterruptedException e) {
            throw interrupted(uri);
        }
    }

    /** backoffInitial × 2^(attempt−1), at most backoffMax, times a jitter in [0.5, 1). */
    Duration backoff(int attempt) {
        double base = settings.backoffInitial().toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(base, settings.backoffMax().toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble())));
    }

    /** Retry-After in seconds or as an HTTP date, at most retryAfterMax. */
    private Optional<Duration> retryAfter(HttpHeaders headers) {
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
                d = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(v.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException e2) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(settings.retryAfterMax()) > 0 ? settings.retryAfterMax() : d);
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String reason(int status) {
        return status == 429 ? "http_429" : status >= 500 ? "http_5xx" : "http_" + status;
    }

    private void count(String endpoint, String status) {
        registry.counter("patchmap.dandi.requests", "endpoint", endpoint, "status", status).increment();
    }

    private HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET()
                .header("User-Agent", "PatchMap ingest-service (https://github.com/patchmap)");
    }

    private URI api(String relative) {
        return settings.apiUrl().resolve(relative);
    }

    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? "" : ": " + s;
    }

    private static InterruptedIOException interrupted(URI uri) {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted during GET " + uri);
    }
}
