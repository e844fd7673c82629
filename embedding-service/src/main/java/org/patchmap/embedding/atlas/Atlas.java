package org.patchmap.embedding.atlas;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.patchmap.core.features.FeatureNames;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.embedding.map.MapInputs;
import org.patchmap.embedding.store.CellStore;
import org.patchmap.embedding.store.FileLabels;
import org.patchmap.embedding.store.JoinedCell;
import org.patchmap.embedding.store.MapStore;
import org.patchmap.embedding.store.MapVersion;
import org.patchmap.embedding.store.MapVersionCell;
import org.patchmap.embedding.store.PlacedPosition;
import org.patchmap.embedding.store.PlacementEntry;
import org.patchmap.events.CellIds;
import org.patchmap.events.FeaturesEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The atlas as the API shows it: the current map's table with its placed cells and its binary form (read from
 * MongoDB once per version and again when placements change, so it is served right after a restart), one cell with
 * its map position or placement, filtered lists.
 */
@ApplicationScoped
public class Atlas {
    private static final Logger LOG = Logger.getLogger(Atlas.class);

    @Inject
    MapStore maps;
    @Inject
    CellStore cells;

    @ConfigProperty(name = "patchmap.atlas.refresh-delay", defaultValue = "1s")
    Duration refreshDelay;

    private final AtomicReference<PreparedMap> prepared = new AtomicReference<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "atlas-refresh");
        t.setDaemon(true);
        return t;
    });

    void stop(@Observes ShutdownEvent stopping) {
        refresher.shutdownNow();
    }

    /** The current map's table; empty before the first map. */
    public Optional<AtlasTable> current() {
        return prepared().map(PreparedMap::table);
    }

    /**
     * The current map as served, prepared on the first request for a version (later ones copy its bytes) and
     * again after {@link #changed()}; empty before the first map.
     */
    public Optional<PreparedMap> prepared() {
        Optional<String> version = maps.currentVersionId(); // the pointer alone: one small read per request
        if (version.isEmpty()) {
            return Optional.empty();
        }
        PreparedMap p = prepared.get();
        if (p != null && p.table().mapVersion().equals(version.get())) {
            return Optional.of(p);
        }
        synchronized (this) {
            p = prepared.get();
            if (p != null && p.table().mapVersion().equals(version.get())) {
                return Optional.of(p);
            }
            Optional<MapVersion> summary = maps.version(version.get());
            return summary.map(this::prepare); // empty only when the version was deleted meanwhile
        }
    }

    /**
     * The current map or its placements changed: the served map is prepared again after the refresh delay, once
     * for every change that comes in the meantime, on a thread of its own.
     */
    public void changed() {
        if (refreshQueued.compareAndSet(false, true)) {
            refresher.schedule(this::refresh, refreshDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void refresh() {
        refreshQueued.set(false); // a change from now on queues the next refresh
        try {
            Optional<MapVersion> summary = maps.current();
            if (summary.isEmpty()) {
                return;
            }
            synchronized (this) {
                PreparedMap p = prepared.get();
                if (p == null || !p.table().mapVersion().equals(summary.get().version())) {
                    prepare(summary.get());
                } else {
                    List<PlacedCell> placed = placedCells(summary.get().version());
                    Set<String> files = new HashSet<>();
                    placed.forEach(c -> files.add(CellIds.fileKey(c.position().cellId())));
                    Map<String, FileLabels> labels = new HashMap<>();
                    for (List<String> batch : batches(List.copyOf(files))) {
                        labels.putAll(cells.labelsOf(batch));
                    }
                    prepared.set(PreparedMap.of(p.table().withPlaced(placed, labels)));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "the served map was not prepared again (the next request or change tries again): %s",
                    e.getMessage());
        }
    }

    private PreparedMap prepare(MapVersion summary) {
        String version = summary.version();
        PreparedMap p = PreparedMap.of(AtlasTable.of(summary, maps.rows(version), cells.labelsByFile(),
                placedCells(version)));
        prepared.set(p);
        return p;
    }

    /** The cells placed on a version, with their dandisets and map inputs from their features. */
    private List<PlacedCell> placedCells(String version) {
        List<PlacedPosition> positions = maps.placements(version);
        List<PlacedCell> out = new ArrayList<>(positions.size());
        for (List<PlacedPosition> batch : batches(positions)) {
            Map<String, FeaturesEvent> features = new HashMap<>();
            cells.features(batch.stream().map(PlacedPosition::cellId).toList())
                    .forEach(f -> features.put(f.cellId(), f));
            for (PlacedPosition p : batch) {
                FeaturesEvent f = features.get(p.cellId());
                List<Double> values = new ArrayList<>(MapFeatures.NAMES.size());
                Map<String, Double> inputs = f == null ? Map.of() : MapInputs.cell(f).features().values();
                MapFeatures.NAMES.forEach(name -> values.add(inputs.get(name)));
                out.add(new PlacedCell(p, f == null ? null : f.provenance().dandisetId(), values));
            }
        }
        return out;
    }

    /** A list cut into runs of at most {@link CellStore#BATCH}, the most the stores read by id at once. */
    static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CellStore.BATCH) {
            out.add(all.subList(from, Math.min(all.size(), from + CellStore.BATCH)));
        }
        return out;
    }

    /**
     * One cell: the stored join (features with units and QC reasons, metadata with sources, provenance) plus
     * DANDI links pinned to the version and where it is on the current map: its own position and neighbours,
     * or its placement, or why the map left it off.
     */
    public Optional<AtlasCell> cell(String cellId) {
        Optional<JoinedCell> joined = cells.cell(cellId);
        if (joined.isEmpty()) {
            return Optional.empty();
        }
        FeaturesEvent features = joined.get().features();
        DandiLinks links = features == null ? null : DandiLinks.of(features.provenance()).orElse(null);
        OnMap onMap = maps.current().map(summary -> onMap(summary, cellId)).orElse(null);
        return Optional.of(new AtlasCell(joined.get(), links, onMap));
    }

    private OnMap onMap(MapVersion summary, String cellId) {
        String version = summary.version();
        Optional<MapVersionCell> mapped = maps.cell(version, cellId);
        if (mapped.isPresent()) {
            return new OnMap.Mapped(mapped.get());
        }
        Optional<PlacementEntry> placed = maps.placement(version, cellId);
        if (placed.isPresent()) {
            return new OnMap.Placed(placed.get());
        }
        Optional<String> leftOff = summary.leftOff().stream().filter(l -> l.cellId().equals(cellId))
                .map(l -> l.reason()).findFirst();
        if (leftOff.isPresent()) {
            return new OnMap.Unmapped(version, MapStatus.LEFT_OFF, leftOff.get());
        }
        String why = cells.features(cellId).map(MapInputs::cell)
                .map(c -> c.leftOffReason(summary.parameters().minFeatures()))
                .orElse("no features yet");
        return new OnMap.Unmapped(version, MapStatus.NOT_PLACED, why == null ? "waiting to be placed" : why);
    }

    /**
     * Map cells (built into it, not placed) matching the filter, one page, with the total count; empty before the
     * first map. Raw ipfx features are read only when the filter names some, only those, a batch of cells at a time.
     */
    public Optional<CellPage> list(CellFilter filter, int page, int size) {
        Optional<AtlasTable> current = current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        AtlasTable t = current.get();
        Set<String> rawNames = filter.rawFeatureNames();
        List<Integer> rows = new ArrayList<>();
        int total = 0;
        for (int from = 0; from < t.mappedCount(); from += CellStore.BATCH) {
            int to = Math.min(t.mappedCount(), from + CellStore.BATCH);
            Map<String, Map<String, Double>> raw = rawNames.isEmpty() ? Map.of()
                    : cells.rawFeatures(Arrays.asList(t.ids()).subList(from, to), rawNames);
            for (int i = from; i < to; i++) {
                if (!filter.matches(t, i, raw.getOrDefault(t.ids()[i], Map.of()))) {
                    continue;
                }
                if (total >= page * size && rows.size() < size) {
                    rows.add(i);
                }
                total++;
            }
        }
        return Optional.of(new CellPage(t, total, page, size, rows));
    }

    /**
     * Every raw ipfx feature of the map cells in rows {@code from} to {@code to} (at most {@link CellStore#BATCH}),
     * by cell id, for the export.
     */
    public Map<String, Map<String, Double>> rawFeatures(AtlasTable t, int from, int to) {
        return cells.rawFeatures(Arrays.asList(t.ids()).subList(from, to), null);
    }

    /** Whether a filter may name this feature. */
    static boolean known(String feature) {
        return MapFeatures.NAMES.contains(feature) || FeatureNames.ALL.contains(feature);
    }

    static boolean same(String wanted, String value) {
        return wanted == null || wanted.equalsIgnoreCase(Objects.toString(value, ""));
    }
}
