package org.patchmap.embedding.map;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.core.map.MapBuilder;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MapPlacer;
import org.patchmap.core.map.MapResult;
import org.patchmap.core.map.MappedCell;
import org.patchmap.core.map.Neighbour;
import org.patchmap.core.map.Placement;
import org.patchmap.embedding.atlas.Atlas;
import org.patchmap.embedding.config.MapConfig;
import org.patchmap.embedding.map.MapMetrics.BuildOutcome;
import org.patchmap.embedding.map.MapMetrics.PlacementOutcome;
import org.patchmap.embedding.messaging.MapPublisher;
import org.patchmap.embedding.store.CellStore;
import org.patchmap.embedding.store.MapStore;
import org.patchmap.embedding.store.MapVersion;
import org.patchmap.embedding.store.MapVersionCell;
import org.patchmap.embedding.store.ParameterFields;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.MapEvent;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The living map: the current version (served and placed against), the count of reference cells that arrived
 * since it, and the one worker thread that builds the next version. Arrivals only count and place (about a
 * millisecond, on the consumer's thread); a build waits for {@code debounce} of quiet (at most
 * {@code maxWait} after its first trigger), runs on the worker, stores the new version, then flips the
 * pointer in MongoDB and here, and publishes it. Until the flip everyone sees the previous map.
 *
 * <p>After a restart the current version is served from MongoDB at once; the worker rebuilds its
 * {@link MapResult} from the stored inputs (the build is deterministic) to place cells again, and logs
 * whether the coordinates came out identical.
 */
@ApplicationScoped
public class LivingMap {
    private static final Logger LOG = Logger.getLogger(LivingMap.class);
    private static final SecureRandom IDS = new SecureRandom();

    /**
     * The map in use. {@code map} and {@code placer} are null while a restored version is being rebuilt.
     */
    public record Live(String version, Instant createdAt, Set<String> cellIds, MapResult map, MapPlacer placer) {
    }

    @Inject
    MapConfig config;
    @Inject
    CellStore cells;
    @Inject
    MapStore maps;
    @Inject
    MapPublisher publisher;
    @Inject
    MapMetrics metrics;
    @Inject
    MapBuilderLease builderLease;
    @Inject
    Atlas atlas;

    private final AtomicReference<Live> live = new AtomicReference<>();
    private final Set<String> pending = new HashSet<>();
    /** The cells of the version being built or made current (not yet {@link #live}). */
    private Set<String> switching = Set.of();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "map-builder");
        t.setDaemon(true);
        return t;
    });
    private String queuedVersion;
    private long firstTriggerNanos;
    private ScheduledFuture<?> scheduled;
    private long buildRequests;

    void start(@Observes StartupEvent started) {
        metrics.pending(this::pendingCount);
        worker.execute(this::restore);
        long every = config.followEvery().toMillis();
        worker.scheduleWithFixedDelay(this::follow, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        worker.shutdownNow();
    }

    public Optional<Live> live() {
        return Optional.ofNullable(live.get());
    }

    /** Reference cells on neither the current map nor the one being built. */
    public synchronized int pendingCount() {
        return pendingBeyondSwitch();
    }

    /** The version id of the build waiting to start, if any. */
    public synchronized Optional<String> queued() {
        return Optional.ofNullable(queuedVersion);
    }

    /**
     * How many times a map was asked for since the service started (each arrival past the threshold asks
     * again, to restart the debounce). Read with {@link #pendingCount()}: a cell is counted and the request
     * it makes, if any, is made in one step, so no reader sees the one without the other.
     */
    public synchronized long buildRequests() {
        return buildRequests;
    }

    /**
     * A features event was stored. A reference cell not on the current map counts toward the next one; any
     * cell not on it is placed.
     */
    public void arrived(FeaturesEvent features) {
        String id = features.cellId();
        Live current = live.get();
        if (current != null && current.cellIds().contains(id)) {
            return;
        }
        if (cells.isReference(features)) {
            synchronized (this) {
                Live now = live.get();
                if ((now == null || !now.cellIds().contains(id)) && !switching.contains(id)) {
                    pending.add(id);
                    if (pendingBeyondSwitch() >= threshold()) {
                        requestBuild();
                    }
                }
            }
        }
        placeAndPublish(features, current);
    }

    /** The new reference cells that make the next build: grows with the current map. */
    private int threshold() {
        Live current = live.get();
        return config.recomputeThreshold(current == null ? 0 : current.cellIds().size());
    }

    /**
     * The pending cells that will still be pending once the version being made current is live: while a new
     * version's pointer flips, the cells it holds no longer count toward the next one.
     */
    private int pendingBeyondSwitch() {
        if (switching.isEmpty()) {
            return pending.size();
        }
        int beyond = 0;
        for (String id : pending) {
            if (!switching.contains(id)) {
                beyond++;
            }
        }
        return beyond;
    }

    /** Asks for a new map (debounced); returns the version id the build will have. */
    public synchronized String requestBuild() {
        long now = System.nanoTime();
        buildRequests++;
        if (queuedVersion == null) {
            queuedVersion = newVersionId();
            firstTriggerNanos = now;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        long latest = firstTriggerNanos + config.maxWait().toNanos() - now;
        long delay = Math.max(0, Math.min(config.debounce().toNanos(), latest));
        scheduled = worker.schedule(this::build, delay, TimeUnit.NANOSECONDS);
        return queuedVersion;
    }

    /** Places features on the current map, without storing anything; empty before the first usable map. */
    public Optional<Placement> place(MapCell cell) {
        Live current = live.get();
        if (current == null || current.placer() == null) {
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        Placement p = current.placer().place(cell);
        metrics.placement(p.placed() ? PlacementOutcome.PLACED : PlacementOutcome.LEFT_OFF, System.nanoTime() - t0);
        return Optional.of(p);
    }

    private void build() {
        String version;
        synchronized (this) {
            version = queuedVersion;
            queuedVersion = null;
            scheduled = null;
        }
        if (version == null) {
            return;
        }
        if (!builderLease.hold()) {
            metrics.build(BuildOutcome.NOT_BUILDER);
            LOG.debugf("map %s not built here: %s builds the maps", version, builderLease.holderOrNone());
            return;
        }
        try {
            Map<String, MapCell> inputs = new LinkedHashMap<>();
            cells.forEachReference(features -> inputs.put(features.cellId(), MapInputs.cell(features)));
            synchronized (this) {
                switching = Set.copyOf(inputs.keySet()); // no longer waiting: this build takes them
            }
            LOG.infof("map %s: building from %d reference cells", version, inputs.size());
            MapResult map = new MapBuilder(config.parameters()).build(List.copyOf(inputs.values()));
            if (map.cells().isEmpty()) {
                throw new IllegalStateException("none of the " + inputs.size()
                        + " reference cells has enough map features");
            }
            Instant createdAt = Instant.now();
            long t0 = System.nanoTime();
            maps.saveVersion(version, createdAt, map, inputs);
            long t1 = System.nanoTime();
            MapPlacer placer = new MapPlacer(map);
            long t2 = System.nanoTime();
            Set<String> ids = Set.copyOf(map.cellIds());
            synchronized (this) {
                switching = ids;
            }
            try {
                if (!builderLease.hold()) {
                    throw new IllegalStateException("this replica lost the map-builder lease during the build ("
                            + builderLease.holderOrNone() + " holds it): the version is stored, not made current");
                }
                maps.makeCurrent(version);
            } catch (RuntimeException e) {
                synchronized (this) {
                    switching = Set.of();
                }
                throw e;
            }
            switchTo(new Live(version, createdAt, ids, map, placer));
            metrics.stages(map, t1 - t0, t2 - t1);
            metrics.build(BuildOutcome.BUILT);
            publisher.publish(new MapEvent(MapEvent.SCHEMA_VERSION, MapEvent.KIND_MAP_VERSION, version,
                    map.cells().size(), ParameterFields.of(map.parameters()), map.codeVersion(), null, createdAt));
            LOG.infof("map %s is current: %d cells, %d left off, %d clusters, %d components, built in %d ms",
                    version, map.cells().size(), map.leftOff().size(), map.clusters(), map.components(),
                    map.timings().totalNanos() / 1_000_000);
            placeOffMap();
            prune(version);
        } catch (RuntimeException e) {
            synchronized (this) {
                switching = Set.of();
            }
            metrics.build(BuildOutcome.FAILED);
            LOG.errorf(e, "map %s not built, the current map stays: %s", version, e.getMessage());
        }
    }

    /** Old versions deleted beyond {@code MAP_KEEP_VERSIONS}; a failure is logged and tried again after the next build. */
    private void prune(String current) {
        try {
            List<String> pruned = maps.pruneBeyond(Math.max(1, config.keepVersions()), current);
            metrics.pruned(pruned.size());
            if (!pruned.isEmpty()) {
                LOG.infof("map versions deleted (more than %d kept): %s", config.keepVersions(), pruned);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "old map versions not deleted (tried again after the next build): %s", e.getMessage());
        }
    }

    /** Flips the in-memory map and drops the pending cells the new map holds. */
    private void switchTo(Live next) {
        live.set(next);
        atlas.changed(); // the served map is prepared in the background, not by the first request
        metrics.current(next.cellIds().size(), next.map() == null ? List.of() : next.map().leftOff());
        boolean again;
        synchronized (this) {
            pending.removeAll(next.cellIds());
            switching = Set.of();
            again = pending.size() >= threshold();
        }
        if (again) {
            requestBuild();
        }
    }

    /** Every cell with features that is not on the current map (uploads, late arrivals) placed on it. */
    private void placeOffMap() {
        Live current = live.get();
        cells.forEachFeaturesNotIn(current.cellIds(), features -> placeAndPublish(features, current));
    }

    private void placeAndPublish(FeaturesEvent features, Live current) {
        String id = features.cellId();
        if (current == null || current.placer() == null) {
            metrics.placement(PlacementOutcome.NO_MAP, 0);
            return; // placed once the map is built or restored (placeOffMap)
        }
        long t0 = System.nanoTime();
        Placement p = current.placer().place(MapInputs.cell(features));
        metrics.placement(p.placed() ? PlacementOutcome.PLACED : PlacementOutcome.LEFT_OFF, System.nanoTime() - t0);
        if (!p.placed()) {
            LOG.debugf("cell %s not placed on map %s: %s", id, current.version(), p.leftOff());
            return;
        }
        Instant now = Instant.now();
        maps.savePlacement(current.version(), p, now);
        atlas.changed();
        publisher.publish(new MapEvent(MapEvent.SCHEMA_VERSION, MapEvent.KIND_PLACEMENT, current.version(), 1,
                Map.of(), current.map().codeVersion(), new MapEvent.Placement(id, p.x(), p.y(), p.cluster(),
                p.clusterProbability(), p.confidence(), p.neighbours().stream().map(Neighbour::cellId).toList()), now));
    }

    /** Attempts at restoring the stored map before the service gives up on it (and waits for a new map). */
    static final int RESTORE_ATTEMPTS = 8;

    /** Wait before restore attempt {@code attempt + 1}: 1, 2, 4 ... seconds, at most a minute. */
    static Duration restoreDelay(int attempt) {
        return Duration.ofSeconds(Math.min(60, 1L << Math.min(attempt - 1, 6)));
    }

    private void restore() {
        restore(1);
    }

    /**
     * After a restart: serve the stored version at once, then rebuild it to place cells again. A failure (MongoDB not
     * reachable yet, say) is tried again with backoff; the last one is logged as giving up.
     */
    private void restore(int attempt) {
        try {
            Optional<MapVersion> summary = maps.current();
            if (summary.isPresent()) {
                adopt(summary.get());
                if (builderLease.hold()) {
                    placeOffMap(); // the builder places; the other replicas place only what their consumers get
                }
            }
            Set<String> waiting = cells.referenceIds();
            Live current = live.get();
            if (current != null) {
                waiting.removeAll(current.cellIds());
            }
            boolean trigger;
            synchronized (this) {
                pending.addAll(waiting);
                trigger = pending.size() >= threshold();
            }
            if (trigger) {
                requestBuild();
            }
        } catch (RuntimeException e) {
            if (attempt >= RESTORE_ATTEMPTS) {
                LOG.errorf(e, "gave up restoring the stored map after %d attempts: %s; a new map is built when cells "
                        + "arrive or on POST /api/admin/maps", attempt, e.getMessage());
                return;
            }
            Duration wait = restoreDelay(attempt);
            LOG.warnf("the stored map could not be restored (attempt %d of %d), trying again in %d s: %s", attempt,
                    RESTORE_ATTEMPTS, wait.toSeconds(), e.getMessage());
            worker.schedule(() -> restore(attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Serves a stored version at once (from MongoDB), then rebuilds it from its stored inputs and
     * parameters (the build is deterministic) so that cells can be placed on it.
     */
    private void adopt(MapVersion summary) {
        String version = summary.version();
        Instant createdAt = summary.createdAt();
        List<MapCell> inputs = maps.inputs(version);
        Set<String> ids = new HashSet<>();
        inputs.forEach(c -> ids.add(c.cellId()));
        Live restoring = new Live(version, createdAt, Set.copyOf(ids), null, null);
        live.set(restoring); // served (from MongoDB) at once; placing waits for the rebuild
        metrics.current(ids.size(), summary.leftOff());
        MapResult map = new MapBuilder(summary.parameters()).build(inputs);
        int moved = moved(map, maps.cells(version));
        if (moved == 0) {
            LOG.infof("map %s adopted: rebuilt from its %d stored inputs, identical coordinates", version,
                    inputs.size());
        } else {
            LOG.warnf("map %s adopted, but %d of %d cells came out at other coordinates than stored"
                    + " (code %s, built with %s): placements use the rebuilt model", version, moved,
                    inputs.size(), map.codeVersion(), summary.codeVersion());
        }
        live.set(new Live(version, createdAt, restoring.cellIds(), map, new MapPlacer(map)));
        synchronized (this) {
            pending.removeAll(ids);
        }
    }

    /**
     * An expired upload's cells were deleted from the stores: they no longer count toward the next map, and the
     * served map is prepared again without their placements. A cell already built into a map stays on that
     * version (its stored inputs rebuild it exactly) and leaves with the next build.
     */
    public void forget(Predicate<String> cellIds) {
        synchronized (this) {
            pending.removeIf(cellIds);
        }
        atlas.changed();
    }

    /**
     * Every {@code patchmap.map.follow-every}, on the builder thread: a version another replica (the
     * builder) made current is adopted here, so every replica serves and places on the same map.
     */
    void follow() {
        try {
            Optional<String> pointer = maps.currentVersionId(); // one small document: cheap every few seconds
            Live now = live.get();
            if (pointer.isEmpty() || now != null && now.version().equals(pointer.get())) {
                return;
            }
            Optional<MapVersion> current = maps.version(pointer.get());
            if (current.isPresent()) {
                LOG.infof("map %s was made current by %s: adopting it", pointer.get(), builderLease.holderOrNone());
                adopt(current.get());
                atlas.changed();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not check for a newer map (tried again in %s): %s", config.followEvery(),
                    e.getMessage());
        }
    }

    /** How many rebuilt cells differ from the stored coordinates (0 = the build reproduced the version). */
    public static int moved(MapResult rebuilt, List<MapVersionCell> stored) {
        Map<String, double[]> xy = new LinkedHashMap<>();
        for (MappedCell c : rebuilt.cells()) {
            xy.put(c.cellId(), new double[] {c.x(), c.y()});
        }
        int moved = 0;
        for (MapVersionCell c : stored) {
            double[] p = xy.get(c.cell().cellId());
            if (p == null || p[0] != c.cell().x() || p[1] != c.cell().y()) {
                moved++;
            }
        }
        return moved + Math.max(0, xy.size() - stored.size());
    }

    static String newVersionId() {
        byte[] suffix = new byte[3];
        IDS.nextBytes(suffix);
        return Instant.now().truncatedTo(ChronoUnit.SECONDS) + "-" + HexFormat.of().formatHex(suffix);
    }
}
