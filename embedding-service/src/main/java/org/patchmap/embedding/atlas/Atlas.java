package org.patchmap.embedding.atlas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.patchmap.core.features.FeatureNames;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.embedding.map.MapInputs;
import org.patchmap.embedding.store.CellStore;
import org.patchmap.embedding.store.JoinedCell;
import org.patchmap.embedding.store.MapStore;
import org.patchmap.embedding.store.MapVersion;
import org.patchmap.embedding.store.MapVersionCell;
import org.patchmap.embedding.store.PlacementEntry;
import org.patchmap.events.FeaturesEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The atlas as the API shows it: the current map's table (read from MongoDB once per version, so it is served
 * right after a restart), one cell with its map position or placement, filtered lists.
 */
@ApplicationScoped
public class Atlas {
    @Inject
    MapStore maps;
    @Inject
    CellStore cells;

    private final AtomicReference<AtlasTable> cached = new AtomicReference<>();

    /** The current map's table; empty before the first map. */
    public Optional<AtlasTable> current() {
        Optional<MapVersion> summary = maps.current();
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        String version = summary.get().version();
        AtlasTable table = cached.get();
        if (table == null || !table.mapVersion().equals(version)) {
            table = AtlasTable.of(summary.get(), maps.cells(version), cells.metadataByFile());
            cached.set(table);
        }
        return Optional.of(table);
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

    /** Map cells matching the filter, one page, with the total count; empty before the first map. */
    public Optional<CellPage> list(CellFilter filter, int page, int size) {
        Optional<AtlasTable> current = current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        AtlasTable t = current.get();
        Map<String, Map<String, Double>> raw = filter.needsRawFeatures() ? rawFeatures() : Map.of();
        List<Integer> rows = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!filter.matches(t, i, raw.getOrDefault(t.ids()[i], Map.of()))) {
                continue;
            }
            if (total >= page * size && rows.size() < size) {
                rows.add(i);
            }
            total++;
        }
        return Optional.of(new CellPage(t, total, page, size, rows));
    }

    /** Every cell's raw ipfx features (for filters and the export on names beyond the 16 map inputs). */
    public Map<String, Map<String, Double>> rawFeatures() {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (FeaturesEvent features : cells.allFeatures()) {
            out.put(features.cellId(), MapInputs.raw(features));
        }
        return out;
    }

    /** Whether a filter may name this feature. */
    static boolean known(String feature) {
        return MapFeatures.NAMES.contains(feature) || FeatureNames.ALL.contains(feature);
    }

    static boolean same(String wanted, String value) {
        return wanted == null || wanted.equalsIgnoreCase(Objects.toString(value, ""));
    }
}
