package org.patchmap.ingest.dandi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;
import org.patchmap.events.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resumable, verified downloads of DANDI assets: {@code GET /assets/{asset_id}/download/}, then
 * the storage URL it redirects to, streamed into {@code target.part}. The storage URL is kept so
 * that a broken connection or a short body resumes there with {@code Range: bytes=N-}; a 403
 * from storage (an expired signed URL) asks the API again. An attempt that adds bytes resumes at
 * once and does not count; {@code maxAttempts} attempts in a row without a new byte (or ten
 * times that in all) end the download, leaving the part file for a later call. A body silent
 * for {@code requestTimeout} is dropped and resumed. Meters:
 * {@code patchmap_dandi_download_bytes_total}, {@code patchmap_dandi_download_seconds}.
 */
final class AssetDownloader {
    private static final Logger LOG = Logger.getLogger(AssetDownloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    private final DandiHttp http;
    private final RetryPolicy retries;
    private final long stallNanos;
    private final MeterRegistry registry;
    private final Counter downloadBytes;
    private final Timer downloadTimer;
    private final ScheduledExecutorService watchdog;

    AssetDownloader(DandiHttp http, RetryPolicy retries, DandiClient.Settings settings, MeterRegistry registry) {
        this.http = http;
        this.retries = retries;
        this.stallNanos = settings.requestTimeout().toNanos();
        this.registry = registry;
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

    /** See {@link DandiClient#download}. */
    Path download(String assetId, Path target, long expectedSize, String sha256OrNull) throws IOException {
        Timer.Sample sample = Timer.start(registry);
        try {
            URI apiUri = http.api("assets/" + DandiHttp.seg(assetId) + "/download/");
            Path part = target.resolveSibling(target.getFileName() + ".part");
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            fill(assetId, apiUri, part, expectedSize);
            return keep(assetId, apiUri, part, target, sha256OrNull);
        } finally {
            sample.stop(downloadTimer);
        }
    }

    /** Attempts until the part file holds the whole object, or the attempts run out. */
    private void fill(String assetId, URI apiUri, Path part, long expectedSize) throws IOException {
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
                return;
            }
            total++;
            DownloadAttempt a = attempt(apiUri, storage, part, have);
            storage = a.storage();
            if (a.expectedTotal() >= 0 && expected < 0) {
                expected = a.expectedTotal();
            }
            if (a.done() && (expected < 0 || a.have() == expected)) {
                return;
            }
            if (a.fatal() != null) {
                throw a.fatal();
            }
            stalled = a.have() > have ? 0 : stalled + 1;
            String what = a.what(expected);
            if (stalled >= retries.maxAttempts() || total >= 10 * retries.maxAttempts()) {
                throw new DandiException("download of asset " + assetId + " from " + a.uri() + " failed after "
                        + total + " attempts (" + a.have() + " of " + (expected < 0 ? "?" : expected)
                        + " bytes): " + what, a.uri(), a.status(), a.cause());
            }
            if (stalled == 0) {
                // Progress: resume at once.
                retries.counted(a.retryReason());
                LOG.debugf("download of %s resumes at byte %d: %s", assetId, a.have(), what);
            } else {
                retries.retry(a.retryReason(), stalled, a.headers(), a.uri(), what);
            }
        }
    }

    /** Checks the SHA-256 (when given) and moves the part file to {@code target}. */
    private static Path keep(String assetId, URI apiUri, Path part, Path target, String sha256) throws IOException {
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

    /**
     * One request (and the redirects it meets), holding one of the concurrency permits while the
     * body streams. {@code storage}: the storage URL of an earlier attempt, else null.
     */
    private DownloadAttempt attempt(URI apiUri, URI storage, Path part, long have) throws IOException {
        URI target = storage != null ? storage : apiUri;
        URI resumeAt = storage;
        int status = -1;
        HttpHeaders headers = null;
        retries.acquire();
        try {
            for (int hop = 0; ; hop++) {
                String endpoint = target.equals(apiUri) ? "download" : "blob";
                HttpRequest.Builder req = http.get(target);
                if (have > 0) {
                    req.header("Range", "bytes=" + have + "-");
                }
                HttpResponse<InputStream> response;
                try {
                    response = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (IOException e) {
                    http.count(endpoint, "io-error");
                    return DownloadAttempt.noAnswer(target, resumeAt, have, status, headers, e);
                }
                status = response.statusCode();
                http.count(endpoint, Integer.toString(status));
                headers = response.headers();
                if (DandiHttp.isRedirect(status)) {
                    response.body().close();
                    Optional<String> location = headers.firstValue("Location");
                    if (location.isEmpty() || hop >= DandiHttp.MAX_REDIRECTS) {
                        return DownloadAttempt.fatal(target, resumeAt, have, status, headers, new DandiException(
                                "GET " + target + ": HTTP " + status
                                        + (location.isEmpty() ? " without Location" : " redirects too often"),
                                target, status, null));
                    }
                    target = target.resolve(location.get());
                    resumeAt = target;
                    continue;
                }
                if (status == 200 || status == 206) {
                    return transfer(response, part, have, target, resumeAt);
                }
                try (InputStream body = response.body()) {
                    body.readNBytes(2048);
                } catch (IOException ignored) {
                    // the status says enough
                }
                if (status == 416 && have > 0) {
                    // The part file is as long as (or longer than) the object: check it as complete.
                    return new DownloadAttempt(target, resumeAt, have, -1, true, status, headers, null, null, null);
                }
                if (status == 403 && storage != null) {
                    // An expired signed storage URL: ask the API for a fresh one.
                    return DownloadAttempt.retry(target, null, have, status, headers, "HTTP 403 from the storage URL");
                }
                if (RetryPolicy.retryable(status)) {
                    return DownloadAttempt.retry(target, resumeAt, have, status, headers, "HTTP " + status);
                }
                return DownloadAttempt.fatal(target, resumeAt, have, status, headers,
                        new DandiException("GET " + target + ": HTTP " + status, target, status, null));
            }
        } catch (InterruptedException e) {
            throw DandiHttp.interrupted(target);
        } finally {
            retries.release();
        }
    }

    /** A 200 (the whole object: the part file starts over) or a 206 (appended if it starts where asked). */
    private DownloadAttempt transfer(HttpResponse<InputStream> response, Path part, long have, URI target,
                                     URI resumeAt) throws IOException {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        long start = 0;
        long expectedTotal;
        if (status == 206) {
            long[] range = contentRange(headers);
            start = range[0];
            expectedTotal = range[1];
            if (start != have) {
                response.body().close();
                Files.deleteIfExists(part);
                return new DownloadAttempt(target, resumeAt, 0, expectedTotal, false, status, headers,
                        "HTTP 206 from byte " + start + " when byte " + have + " was asked", null, null);
            }
        } else {
            expectedTotal = headers.firstValueAsLong("Content-Length").orElse(-1);
        }
        Streamed s = stream(response.body(), part, start);
        return new DownloadAttempt(target, resumeAt, s.length(), expectedTotal, s.failure() == null, status, headers,
                s.failure(), s.cause(), null);
    }

    /**
     * How one body went into the part file.
     *
     * @param length the part file's length after
     * @param failure how the body broke off, null if it ended
     */
    private record Streamed(long length, String failure, IOException cause) {
    }

    /** Appends the body to the part file (from byte {@code start}). */
    private Streamed stream(InputStream body, Path part, long start) throws IOException {
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
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
        String failure = null;
        IOException cause = null;
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
            cause = e;
            failure = "connection broken after " + received + " bytes: " + e;
        } finally {
            guard.cancel(false);
            downloadBytes.increment(received);
        }
        return new Streamed(Files.size(part), failure, cause);
    }

    /** {@code Content-Range: bytes start-end/total} → {start, total (-1 when *)}. */
    private static long[] contentRange(HttpHeaders headers) {
        Matcher m = CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
        if (!m.find()) {
            return new long[]{-1, -1};
        }
        return new long[]{Long.parseLong(m.group(1)), m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3))};
    }
}
