package org.patchmap.deploy.demo;

import org.patchmap.deploy.archive.LocalArchive;
import org.patchmap.sim.demo.DemoArchiveWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo atlas of {@code bin/stack --demo}: a corpus of SIMULATED cells written once into the
 * demo data folder (reused while complete), served by a {@link LocalArchive} as each file is
 * written, which ingest polls as it polls DANDI, and a watch that reports how many cells are on the map until all are (or nothing
 * has moved for {@link #STALL}).
 */
public final class DemoAtlas implements AutoCloseable {
    /** The seed of the demo corpus: every demo atlas of N cells is the same. */
    public static final long SEED = 1;
    /** How long the count of cells on the map may stay still before the watch stops. */
    static final Duration STALL = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("DEMO_STALL_S", "180")));
    /** Time without a new cell after which the cells waiting for the next build get it. */
    static final Duration QUIET = Duration.ofSeconds(6);
    /**
     * How often ingest polls while the corpus is being written: each poll looks up every asset
     * listed so far, so polling more often costs more than the few seconds a new file waits.
     */
    static final Duration POLL_EVERY = Duration.ofSeconds(10);
    /** Polls tried while ingest cannot be reached (5 s apart) before the launcher gives up. */
    private static final int POLL_ATTEMPTS = 60;
    private static final String CELLS_ON_MAP = "patchmap_map_cells";
    private static final String PENDING_CELLS = "patchmap_map_pending_cells";
    /** jhdf's writer logs every group and dataset at INFO: hundreds of lines per file. Held, so the level stays. */
    private static final java.util.logging.Logger JHDF = java.util.logging.Logger.getLogger("io.jhdf");

    static {
        JHDF.setLevel(java.util.logging.Level.WARNING);
    }

    private final int cells;
    private final LocalArchive archive;
    /** Done when every file of the corpus is written and published by the archive. */
    private final CompletableFuture<Void> written;

    private DemoAtlas(int cells, LocalArchive archive, CompletableFuture<Void> written) {
        this.cells = cells;
        this.archive = archive;
        this.written = written;
    }

    /**
     * Serves the corpus of {@code cells} cells under {@code root} on {@code port}. A complete
     * corpus is served at once (digests from its manifest); otherwise its files are simulated in
     * the background and each is published by the archive as soon as it is written, so the
     * services start and the first cells flow while the rest are being simulated.
     */
    public static DemoAtlas start(Path root, int cells, int port) throws IOException {
        if (DemoArchiveWriter.isComplete(root, cells, SEED)) {
            LocalArchive archive = LocalArchive.growing(root, port);
            for (DemoArchiveWriter.CorpusFile f : DemoArchiveWriter.files(root)) {
                archive.add(f.dandisetId(), f.path(), f.bytes(), f.sha256());
            }
            System.out.printf("demo: %d simulated cells already written in %s%n", cells, root);
            System.out.println("demo: local archive (SIMULATED dandisets) " + archive.summary() + " at " + archive.apiUrl());
            return new DemoAtlas(cells, archive, CompletableFuture.completedFuture(null));
        }
        DemoArchiveWriter.prepare(root, cells, SEED);
        LocalArchive archive = LocalArchive.growing(root, port);
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("demo: simulating %d cells into %s (%d threads); the archive at %s serves each as it is "
                + "written%n", cells, root, threads, archive.apiUrl());
        CompletableFuture<Void> written = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            long t0 = System.nanoTime();
            int step = Math.max(1, cells / 10);
            try {
                DemoArchiveWriter.write(root, cells, SEED, threads, (cell, done) -> {
                    DemoArchiveWriter.CorpusFile f = cell.file();
                    try {
                        archive.add(f.dandisetId(), f.path(), f.bytes(), f.sha256());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (done % step == 0) {
                        System.out.printf("demo: %d/%d cells simulated%n", done, cells);
                    }
                });
                System.out.printf(Locale.ROOT, "demo: corpus written in %.0f s%n", (System.nanoTime() - t0) / 1e9);
                written.complete(null);
            } catch (IOException | RuntimeException e) {
                System.out.println("demo: writing the corpus failed: " + e);
                written.completeExceptionally(e);
            }
        }, "demo-corpus-writer");
        writer.setDaemon(true);
        writer.start();
        return new DemoAtlas(cells, archive, written);
    }

    public String apiUrl() {
        return archive.apiUrl();
    }

    /**
     * Asks ingest to poll the archive (each poll answers when it is done) until a poll has seen
     * the whole corpus: every {@link #POLL_EVERY} while files are still being written.
     */
    public void pollUntilWritten(HttpClient http, int ingestPort, String adminToken)
            throws IOException, InterruptedException {
        while (true) {
            boolean complete = written.isDone();
            poll(http, ingestPort, adminToken);
            if (complete) {
                return;
            }
            try {
                written.get(POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // more files since the last poll: poll again
            } catch (ExecutionException e) {
                poll(http, ingestPort, adminToken); // what was written before the failure
                return;
            }
        }
    }

    /**
     * Asks ingest to poll the archive now, again every few seconds while ingest cannot be reached
     * (the stack starts a stopped service again; a poll is idempotent: ingest's ledger keeps each asset once).
     */
    private static void poll(HttpClient http, int ingestPort, String adminToken) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                pollOnce(http, ingestPort, adminToken);
                return;
            } catch (PollRefused e) {
                throw e;
            } catch (IOException e) {
                if (attempt == POLL_ATTEMPTS) {
                    throw e;
                }
                System.out.println("demo: the poll failed (" + e + "); polling again in 5 s");
                Thread.sleep(5000);
            }
        }
    }

    private static void pollOnce(HttpClient http, int ingestPort, String adminToken) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ingestPort
                        + "/api/admin/poll")).header("Authorization", "Bearer " + adminToken)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 4) {
            throw new PollRefused("POST /api/admin/poll answered HTTP " + r.statusCode() + ": " + r.body());
        }
        if (r.statusCode() / 100 != 2) {
            throw new IOException("POST /api/admin/poll answered HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    /** A poll ingest refused (a wrong token, a bad request): asking again would not help. */
    private static final class PollRefused extends IOException {
        PollRefused(String message) {
            super(message);
        }
    }

    /**
     * Prints the cells on the map every few seconds, with the time since {@code startNanos}, until
     * all are there or nothing moves for {@link #STALL}; says when 95 % were there. The map is
     * rebuilt as cells come in ({@link #recomputeAfter}); cells that arrived after the last build
     * wait for the next, so once no new cell has come for {@link #QUIET} the watch asks for a build.
     * The counts are embedding-service's gauges, on its management port.
     *
     * @return whether every cell is on the map
     */
    public boolean watch(HttpClient http, int embeddingPort, int embeddingManagementPort, long startNanos,
            String adminToken) throws IOException, InterruptedException {
        URI metrics = URI.create("http://localhost:" + embeddingManagementPort + "/q/metrics");
        int last = -1;
        int lastSeen = -1;
        long lastChange = System.nanoTime();
        long seenSince = System.nanoTime();
        long askedAt = 0;
        boolean ninetyFive = false;
        while (System.nanoTime() - lastChange < STALL.toNanos()) {
            Map<String, Integer> gauges = gauges(http, metrics);
            if (gauges.isEmpty()) { // embedding-service is starting (again): nothing to count yet
                Thread.sleep(2000);
                continue;
            }
            int onMap = gauges.getOrDefault(CELLS_ON_MAP, 0);
            int pending = gauges.getOrDefault(PENDING_CELLS, 0);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            if (onMap != last) {
                System.out.printf(Locale.ROOT, "demo: %d/%d cells on the map at %.0f s%n", onMap, cells, seconds);
                last = onMap;
                lastChange = System.nanoTime();
            }
            if (!ninetyFive && onMap >= Math.ceil(0.95 * cells)) {
                ninetyFive = true;
                System.out.printf(Locale.ROOT, "demo: 95%% of the cells on the map %.0f s after the command%n", seconds);
            }
            if (onMap >= cells) {
                return true;
            }
            if (onMap + pending != lastSeen) {
                lastSeen = onMap + pending;
                seenSince = System.nanoTime();
                lastChange = System.nanoTime();
            } else if (pending > 0 && System.nanoTime() - seenSince > QUIET.toNanos()
                    && System.nanoTime() - askedAt > 2 * QUIET.toNanos()) {
                requestBuild(http, embeddingPort, adminToken);
                askedAt = System.nanoTime();
            }
            Thread.sleep(2000);
        }
        System.out.printf("demo: %d/%d cells on the map; no change for %d s (the rest: see the dashboards and "
                + "each cell's reason in the logs)%n", Math.max(last, 0), cells, STALL.toSeconds());
        return false;
    }

    /** Asks for a build; one that fails is said and asked again at the next quiet moment. */
    private static void requestBuild(HttpClient http, int embeddingPort, String adminToken) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + embeddingPort
                            + "/api/admin/maps")).header("Authorization", "Bearer " + adminToken)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                System.out.println("demo: POST /api/admin/maps answered HTTP " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            System.out.println("demo: POST /api/admin/maps failed: " + e);
        }
    }

    /**
     * embedding-service's gauges of the map: {@value #CELLS_ON_MAP} (the current map's cells, as
     * {@code GET /api/maps/current} counts them) and {@value #PENDING_CELLS} (reference cells that
     * arrived since); none while the service does not answer.
     */
    private static Map<String, Integer> gauges(HttpClient http, URI metrics) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Integer> out = new HashMap<>();
            r.body().lines().forEach(l -> {
                int space = l.indexOf(' ');
                String name = space < 0 ? l : l.substring(0, space);
                if (name.equals(CELLS_ON_MAP) || name.equals(PENDING_CELLS)) {
                    out.put(name, (int) Double.parseDouble(l.substring(space + 1).trim()));
                }
            });
            return out;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The build threshold of the demo's map: a first map early, then a few rebuilds while cells come in. */
    public static int recomputeAfter(int cells) {
        return Math.min(cells, Math.max(20, cells / 10));
    }



    @Override
    public void close() {
        archive.close();
    }
}
