package org.patchmap.ingest.dandi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.patchmap.core.dandi.DandiAsset;
import org.patchmap.core.dandi.DandisetSummary;
import org.patchmap.core.dandi.DandisetVersion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.patchmap.ingest.dandi.DandiHttp.seg;

/**
 * The DANDI REST API (https://api.dandiarchive.org/api): the dandiset listing, version
 * metadata, asset listings (every page) and asset metadata, and downloads
 * ({@link AssetDownloader}). Every request follows the {@link RetryPolicy}; a failure for good
 * throws {@link DandiException} naming the URL and the status. Meters:
 * {@code patchmap_dandi_requests_total{endpoint,status}}, {@code patchmap_dandi_retries_total{reason}},
 * {@code patchmap_dandi_download_bytes_total}, {@code patchmap_dandi_download_seconds}.
 */
public class DandiClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
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
    private final DandiHttp http;
    /** Package-visible so that a test can replace its pause. */
    final RetryPolicy retries;
    private final AssetDownloader downloader;

    public DandiClient(Settings settings, MeterRegistry registry) {
        this.settings = settings;
        this.http = new DandiHttp(settings, registry);
        this.retries = new RetryPolicy(settings, registry);
        this.downloader = new AssetDownloader(http, retries, settings, registry);
    }

    public Settings settings() {
        return settings;
    }

    /** Every non-empty, non-embargoed dandiset, most recently modified first, across all pages. */
    public List<DandisetSummary> listDandisets() throws IOException {
        URI first = http.api("dandisets/?page=1&page_size=" + settings.pageSize()
                + "&ordering=-modified&embargoed=false&empty=false");
        return paged("dandisets", first, DandisetSummary::fromJson);
    }

    /** {@code GET /dandisets/{id}/versions/{version}/}: the version's metadata. */
    public DandisetVersion version(String dandisetId, String version) throws IOException {
        return DandisetVersion.fromJson(versionJson(dandisetId, version));
    }

    /** The raw JSON of {@link #version}, for whoever needs more fields. */
    public JsonNode versionJson(String dandisetId, String version) throws IOException {
        return getJson("version", http.api("dandisets/" + seg(dandisetId) + "/versions/" + seg(version) + "/"));
    }

    /** {@code GET /dandisets/{id}/versions/{version}/assets/}, all pages. */
    public List<DandiAsset> assets(String dandisetId, String version) throws IOException {
        URI first = http.api("dandisets/" + seg(dandisetId) + "/versions/" + seg(version)
                + "/assets/?page=1&page_size=" + settings.pageSize());
        return paged("assets", first, DandiAsset::fromJson);
    }

    /** {@code GET /dandisets/{id}/versions/{version}/assets/{asset_id}/}: the asset's metadata (digest, subject...). */
    public JsonNode assetMetadata(String dandisetId, String version, String assetId) throws IOException {
        return getJson("asset-metadata", http.api("dandisets/" + seg(dandisetId) + "/versions/" + seg(version)
                + "/assets/" + seg(assetId) + "/"));
    }

    /**
     * Downloads an asset to {@code target} through {@code target.part}, resuming a part file left
     * by an earlier call. The size (when {@code expectedSize >= 0}) and the SHA-256 (when given)
     * are checked before the file is moved to {@code target}; a digest mismatch deletes it and
     * throws {@link DigestMismatchException}.
     *
     * @return {@code target}
     */
    public Path download(String assetId, Path target, long expectedSize, String sha256OrNull) throws IOException {
        return downloader.download(assetId, target, expectedSize, sha256OrNull);
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

    /** One JSON document: redirects followed, retried as the policy says; a permit held only while asking. */
    private JsonNode getJson(String endpoint, URI uri) throws IOException {
        URI target = uri;
        int redirects = 0;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            retries.acquire();
            try {
                response = http.send(http.get(target).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                http.count(endpoint, "io-error");
                if (attempt >= retries.maxAttempts()) {
                    throw new DandiException("GET " + target + " failed after " + attempt + " attempts: " + e,
                            target, -1, e);
                }
                retries.retry("io", attempt, null, target, e.toString());
                continue;
            } catch (InterruptedException e) {
                throw DandiHttp.interrupted(target);
            } finally {
                retries.release();
            }
            int status = response.statusCode();
            http.count(endpoint, Integer.toString(status));
            if (status == 200) {
                try {
                    return MAPPER.readTree(response.body());
                } catch (IOException e) {
                    throw new DandiException("GET " + target + ": HTTP 200 but the body is not JSON: " + e.getMessage(),
                            target, status, e);
                }
            }
            if (DandiHttp.isRedirect(status) && redirects < DandiHttp.MAX_REDIRECTS) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isPresent()) {
                    target = target.resolve(location.get());
                    redirects++;
                    attempt--;
                    continue;
                }
            }
            boolean retryable = RetryPolicy.retryable(status);
            if (retryable && attempt < retries.maxAttempts()) {
                retries.retry(RetryPolicy.reason(status), attempt, response.headers(), target, "HTTP " + status);
                continue;
            }
            throw new DandiException("GET " + target + ": HTTP " + status
                    + (retryable ? " after " + attempt + " attempts" : "") + snippet(response.body()),
                    target, status, null);
        }
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? "" : ": " + s;
    }
}
