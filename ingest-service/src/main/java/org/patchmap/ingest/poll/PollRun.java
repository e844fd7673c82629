package org.patchmap.ingest.poll;

import org.patchmap.ingest.store.DandiAssetStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The tallies of one poll while it runs; {@link #summary()} is a snapshot for the status endpoint. */
final class PollRun {
    private final PollTrigger trigger;
    private final Instant started;
    private Instant finished;
    private int dandisetsSeen;
    private int dandisetsSelected;
    private int assetsDiscovered;
    private int assetsPublished;
    private int assetsReused;
    private int assetsSkipped;
    private int assetsFailed;
    private final Map<String, Integer> failuresByReason = new TreeMap<>();
    private final List<RunSummary.Failure> failures = new ArrayList<>();
    private final Map<String, RunSummary.Progress> progress = new LinkedHashMap<>();
    /** Digest → the asset key that publishes it in this run (assets are polled in parallel). */
    private final Map<String, String> published = new HashMap<>();

    PollRun(PollTrigger trigger, Instant started) {
        this.trigger = trigger;
        this.started = started;
    }

    synchronized void seen() {
        dandisetsSeen++;
    }

    synchronized void selected() {
        dandisetsSelected++;
    }

    synchronized void asset(DandiAssetStatus outcome) {
        assetsDiscovered++;
        switch (outcome) {
            case PUBLISHED -> assetsPublished++;
            case REUSED -> assetsReused++;
            case SKIPPED -> assetsSkipped++;
            default -> assetsFailed++;
        }
    }

    synchronized void failure(String dandiset, String asset, String reason, String message) {
        failuresByReason.merge(reason, 1, Integer::sum);
        failures.add(new RunSummary.Failure(dandiset, asset, reason, message));
    }

    synchronized void progress(String dandiset, String version, long done, long total, VersionState state) {
        progress.put(dandiset, new RunSummary.Progress(dandiset, version, done, total, state));
    }

    /**
     * Claims {@code digest} for {@code key}: empty if this run has not met the digest before,
     * else the key that claimed it (so two assets with one content, polled at once, are
     * published once).
     */
    synchronized Optional<String> claim(String digest, String key) {
        String first = published.putIfAbsent(digest, key);
        return first == null || first.equals(key) ? Optional.empty() : Optional.of(first);
    }

    synchronized void finish(Instant at) {
        finished = at;
    }

    synchronized RunSummary summary() {
        return new RunSummary(trigger, started, finished, finished == null, dandisetsSeen, dandisetsSelected,
                assetsDiscovered, assetsPublished, assetsReused, assetsSkipped, assetsFailed,
                Map.copyOf(failuresByReason), List.copyOf(failures), List.copyOf(progress.values()));
    }
}
