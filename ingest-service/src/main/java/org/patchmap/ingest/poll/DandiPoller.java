package org.patchmap.ingest.poll;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.patchmap.core.dandi.DandiAsset;
import org.patchmap.core.dandi.DandisetSummary;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.core.dandi.IcephysSelection;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.ingest.dandi.DandiClient;
import org.patchmap.ingest.dandi.DandiConfig;
import org.patchmap.ingest.messaging.AssetPublisher;
import org.patchmap.ingest.store.AssetLedger;
import org.patchmap.ingest.store.DandiAssetStatus;
import org.patchmap.ingest.store.DandiAssetStore;
import org.patchmap.ingest.store.DandiAssetStore.Entry;
import org.patchmap.ingest.store.DandisetStore;
import org.patchmap.ingest.store.DandisetStore.Decision;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.patchmap.ingest.store.DandiAssetStatus.FAILED;
import static org.patchmap.ingest.store.DandiAssetStatus.PUBLISHED;
import static org.patchmap.ingest.store.DandiAssetStatus.PUBLISHING;
import static org.patchmap.ingest.store.DandiAssetStatus.REUSED;
import static org.patchmap.ingest.store.DandiAssetStatus.SKIPPED;

/**
 * One poll of DANDI: the dandiset listing; for each dandiset its most recent published version
 * (the draft only with {@code patchmap.dandi.include-drafts}); the icephys decision on that
 * version's metadata (kept in {@code dandisets}, taken again only when the version changes);
 * for a selected version not yet fully processed, its NWB assets (several at once, see
 * {@code ingestVersion}): each new one is published on
 * {@code patchmap.assets} unless the same asset (another version, same asset id) or the same
 * digest was published before, in which case it is recorded as {@code reused}; files above
 * {@code patchmap.ingest.max-file-bytes} are recorded as {@code skipped}. An asset is marked
 * {@code publishing} before it is sent and {@code published} once the broker acknowledged it, so
 * a crash in between sends it again (the ledger's consumer is idempotent) rather than never.
 * A failure on one dandiset is logged, counted by reason and the run goes on.
 */
@ApplicationScoped
public class DandiPoller {
    private static final Logger LOG = Logger.getLogger(DandiPoller.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    DandiClient client;

    @Inject
    DandiConfig config;

    @Inject
    DandisetStore dandisets;

    @Inject
    DandiAssetStore assets;

    @Inject
    AssetLedger ledger;

    @Inject
    AssetPublisher publisher;

    @Inject
    PollMetrics metrics;

    @ConfigProperty(name = "patchmap.ingest.max-file-bytes", defaultValue = "2147483648")
    long maxFileBytes;

    Clock clock = Clock.systemUTC();

    private final AtomicReference<PollRun> current = new AtomicReference<>();
    private volatile RunSummary last;

    /** Runs one poll now unless one is running (then empty). */
    public Optional<RunSummary> runIfIdle(PollTrigger trigger) {
        PollRun run = new PollRun(trigger, clock.instant());
        if (!current.compareAndSet(null, run)) {
            return Optional.empty();
        }
        try {
            execute(run);
        } finally {
            last = run.summary();
            current.set(null);
        }
        return Optional.of(last);
    }

    /** The poll under way, if any. */
    public Optional<RunSummary> current() {
        return Optional.ofNullable(current.get()).map(PollRun::summary);
    }

    /** The last finished poll since the service started, if any. */
    public Optional<RunSummary> last() {
        return Optional.ofNullable(last);
    }

    private void execute(PollRun run) {
        Timer.Sample sample = metrics.start();
        LOG.infof("DANDI poll (%s) starts", run.summary().trigger().wire());
        try {
            List<DandisetSummary> listing = client.listDandisets();
            for (DandisetSummary d : listing) {
                try {
                    poll(run, d);
                } catch (IOException | RuntimeException e) {
                    fail(run, d.identifier(), null, e);
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(run, null, null, e);
        } finally {
            run.finish(clock.instant());
            sample.stop(metrics.pollTimer());
            RunSummary s = run.summary();
            LOG.infof("DANDI poll done: %d dandisets seen, %d selected; assets: %d discovered, %d published, "
                            + "%d reused, %d skipped, %d failed; failures %s", s.dandisetsSeen(), s.dandisetsSelected(),
                    s.assetsDiscovered(), s.assetsPublished(), s.assetsReused(), s.assetsSkipped(), s.assetsFailed(),
                    s.failuresByReason());
        }
    }

    private void poll(PollRun run, DandisetSummary d) throws IOException {
        String id = d.identifier();
        Instant now = clock.instant();
        run.seen();
        DandisetSummary.VersionInfo v = d.mostRecentPublished() != null ? d.mostRecentPublished()
                : config.includeDrafts() ? d.draft() : null;
        Optional<Decision> known = dandisets.decision(id);
        Decision decision;
        JsonNode versionJson = null;
        if (v == null) {
            decision = new Decision(null, null, false, config.includeDrafts() ? "no version"
                    : "no published version (drafts not included)");
            record(id, d, known, decision, now);
        } else if (known.isPresent() && known.get().isFor(v.version(), v.modified())) {
            decision = known.get();
            dandisets.seen(id, d.modified(), now);
        } else {
            versionJson = client.versionJson(id, v.version());
            DandisetVersion metadata = DandisetVersion.fromJson(versionJson);
            IcephysSelection.Selection s = IcephysSelection.decide(metadata);
            decision = new Decision(v.version(), v.modified(), s.candidate(), s.reason());
            record(id, d, known, decision, now);
        }
        if (!decision.selected()) {
            return;
        }
        run.selected();
        if (dandisets.processed(id, v.version(), v.assetCount(), v.modified())) {
            long total = assets.count(id, v.version(), List.of(DandiAssetStatus.values()));
            run.progress(id, v.version(), total, total, VersionState.UNCHANGED);
            return;
        }
        ingestVersion(run, id, v, versionJson);
    }

    private void record(String id, DandisetSummary d, Optional<Decision> known, Decision decision, Instant now) {
        boolean changed = known.isEmpty() || known.get().selected() != decision.selected()
                || !known.get().isFor(decision.version(), decision.versionModified());
        dandisets.decide(id, d.modified(), decision, now);
        if (changed) {
            metrics.decided(decision.selected());
            LOG.infof("dandiset %s%s: %s (%s)", id, decision.version() == null ? "" : " " + decision.version(),
                    decision.selected() ? "selected" : "not selected", decision.reason());
        }
    }

    /** @param versionJson the version's metadata when this poll already fetched it, else null */
    private void ingestVersion(PollRun run, String id, DandisetSummary.VersionInfo v, JsonNode versionJson)
            throws IOException {
        List<DandiAsset> nwb = client.assets(id, v.version()).stream().filter(DandiAsset::isNwb).toList();
        // Every asset's event carries the version's text and summary: metadata-service reads
        // species, region and temperature there without calling DANDI itself.
        Map<String, Object> dandiset = nwb.isEmpty() ? Map.of() : AssetEvent.trimDandiset(EventJson.mapper()
                .convertValue(versionJson != null ? versionJson : client.versionJson(id, v.version()), MAP));
        long done = 0;
        long failed = 0;
        VersionState state = VersionState.FAILED;
        // Assets are independent: config.maxConcurrentRequests() of them at once (each waits on
        // DANDI, MongoDB and the broker); the first asset that cannot be read from DANDI stops the
        // version, as the listing's failure would.
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, config.maxConcurrentRequests()),
                runnable -> {
                    Thread t = new Thread(runnable, "dandi-poll-asset");
                    t.setDaemon(true);
                    return t;
                });
        AtomicBoolean stopped = new AtomicBoolean();
        try {
            List<Future<Boolean>> settled = new ArrayList<>(nwb.size());
            for (DandiAsset a : nwb) {
                settled.add(workers.submit(() -> stopped.get() ? null : ingestAsset(run, id, v.version(), a, dandiset)));
            }
            IOException stop = null;
            for (Future<Boolean> f : settled) {
                Boolean ok;
                try {
                    ok = await(f);
                } catch (IOException e) {
                    stopped.set(true);
                    stop = stop == null ? e : stop;
                    continue;
                }
                if (ok == null) {
                    continue;
                }
                if (ok) {
                    done++;
                } else {
                    failed++;
                }
                run.progress(id, v.version(), done, nwb.size(), VersionState.RUNNING);
            }
            if (stop != null) {
                throw stop;
            }
            state = failed == 0 ? VersionState.DONE : VersionState.INCOMPLETE;
        } finally {
            workers.shutdownNow();
            run.progress(id, v.version(), done, nwb.size(), state);
            dandisets.progress(id, v.version(), done, nwb.size());
        }
        if (failed == 0) {
            dandisets.markProcessed(id, v.version(), v.assetCount(), v.modified(), clock.instant());
        }
        LOG.infof("dandiset %s %s: %d of %d NWB assets done", id, v.version(), done, nwb.size());
    }

    /** The task's result; its IOException or RuntimeException as itself. */
    private static Boolean await(Future<Boolean> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the poll was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** @return whether the asset is settled (published, reused or skipped) */
    private boolean ingestAsset(PollRun run, String id, String version, DandiAsset a, Map<String, Object> dandiset)
            throws IOException {
        String key = DandiAssetStore.id(id, version, a.assetId());
        Optional<Entry> known = assets.find(key);
        if (known.isPresent() && known.get().settled()) {
            return true;
        }
        Instant now = clock.instant();
        Entry entry = known.orElseGet(() -> new Entry(key, id, version, a.assetId(), a.path(), a.size(),
                CellIds.dandiFile(id, a.path()), null, null, null, null, now, now));
        if (a.size() > maxFileBytes) {
            assets.save(entry.with(SKIPPED, "size " + a.size() + " bytes exceeds patchmap.ingest.max-file-bytes ("
                    + maxFileBytes + ")", null, null, now));
            return counted(run, SKIPPED);
        }
        Optional<Entry> same = assets.sameAsset(id, a.assetId(), a.size(), key);
        if (same.isPresent()) {
            assets.save(entry.with(REUSED, "same asset as " + same.get().id(), same.get().digest(), origin(same.get()), now));
            return counted(run, REUSED);
        }
        AssetEvent event;
        try {
            JsonNode metadata = client.assetMetadata(id, version, a.assetId());
            event = AssetEvent.fromDandi(id, version, a.assetId(), a.path(), a.size(),
                    EventJson.mapper().convertValue(metadata, MAP), dandiset, now);
        } catch (IllegalArgumentException | org.patchmap.events.InvalidEventException e) {
            assets.save(entry.with(FAILED, e.getMessage(), null, null, now));
            fail(run, id, a.assetId(), e);
            counted(run, FAILED);
            return false;
        }
        String digest = event.digest();
        Optional<String> earlier = run.claim(digest, key)
                .or(() -> assets.publishedWithDigest(digest, key).map(DandiPoller::origin))
                .or(() -> ledger.findByDigest(digest).map(AssetLedger.Entry::id));
        if (earlier.isPresent()) {
            assets.save(entry.with(REUSED, "same digest as " + earlier.get(), digest, earlier.get(), now));
            return counted(run, REUSED);
        }
        assets.save(entry.with(PUBLISHING, null, digest, null, now));
        publisher.publish(event);
        assets.save(entry.with(PUBLISHED, null, digest, null, clock.instant()));
        LOG.debugf("published %s (%s)", event.fileKey(), digest);
        return counted(run, PUBLISHED);
    }

    /** The entry that was published: {@code e} itself, or the one it reuses. */
    private static String origin(Entry e) {
        return e.status() == REUSED && e.reusedFrom() != null ? e.reusedFrom() : e.id();
    }

    private boolean counted(PollRun run, DandiAssetStatus outcome) {
        run.asset(outcome);
        metrics.asset(outcome);
        return outcome != FAILED;
    }

    private void fail(PollRun run, String dandiset, String asset, Throwable e) {
        String reason = FailureReason.of(e);
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        LOG.warnf("DANDI poll: %s%s failed (%s): %s", dandiset == null ? "the listing" : "dandiset " + dandiset,
                asset == null ? "" : " asset " + asset, reason, message);
        run.failure(dandiset, asset, reason, message);
        metrics.failure(reason);
        if (dandiset != null) {
            try {
                dandisets.failed(dandiset, reason, message, clock.instant());
            } catch (RuntimeException ignored) {
                // MongoDB is the failure: already counted.
            }
        }
    }
}
