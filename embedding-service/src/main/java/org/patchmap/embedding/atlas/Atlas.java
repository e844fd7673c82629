package org.patchmap.embedding.atlas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.core.features.FeatureNames;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.embedding.map.LivingMap;
import org.patchmap.embedding.map.MapInputs;
import org.patchmap.embedding.store.CellStore;
import org.patchmap.embedding.store.MapStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    @Inject
    LivingMap living;

    private final AtomicReference<AtlasTable> cached = new AtomicReference<>();

    /** The current map's table; empty before the first map. */
    public Optional<AtlasTable> current() {
        Optional<Document> summary = maps.current();
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        String version = summary.get().getString("_id");
        AtlasTable table = cached.get();
        if (table == null || !table.mapVersion().equals(version)) {
            table = AtlasTable.of(summary.get(), maps.cells(version), cells.metadataByFile());
            cached.set(table);
        }
        return Optional.of(table);
    }

    /** {@code GET /api/maps/current}: columnar, so that 100,000 cells stay compact. */
    public Optional<Map<String, Object>> currentMap() {
        return current().map(t -> {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("id", t.ids());
            columns.put("x", t.x());
            columns.put("y", t.y());
            columns.put("cluster", t.clusters());
            columns.put("dandiset", t.dandisets());
            columns.put("species", t.species());
            columns.put("region", t.regions());
            columns.put("values", t.values());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("mapVersion", t.mapVersion());
            body.put("createdAt", t.createdAt().toString());
            body.put("codeVersion", t.codeVersion());
            body.put("parameters", t.parameters());
            body.put("cellCount", t.size());
            body.put("features", MapFeatures.NAMES);
            body.put("cells", columns);
            return body;
        });
    }

    /**
     * One cell: the stored join (features with units and QC reasons, metadata with sources, provenance) plus
     * DANDI links pinned to the version and where it is on the current map: its own position and neighbours,
     * or its placement, or why the map left it off.
     */
    public Optional<Document> cell(String cellId) {
        Optional<Document> joined = cells.cell(cellId);
        if (joined.isEmpty()) {
            return joined;
        }
        Document cell = joined.get();
        Document provenance = cell.get("provenance", Document.class);
        if (provenance != null && provenance.getString("assetId") != null) {
            String asset = provenance.getString("assetId");
            cell.append("links", new Document("dandiset", provenance.getString("dandisetUrl"))
                    .append("asset", "https://api.dandiarchive.org/api/dandisets/" + provenance.getString("dandisetId")
                            + "/versions/" + provenance.getString("version") + "/assets/" + asset + "/")
                    .append("download", "https://api.dandiarchive.org/api/assets/" + asset + "/download/"));
        }
        maps.current().ifPresent(summary -> cell.append("map", onMap(summary, cellId)));
        return Optional.of(cell);
    }

    private Document onMap(Document summary, String cellId) {
        String version = summary.getString("_id");
        Document where = new Document("mapVersion", version);
        Optional<Document> mapped = maps.cell(version, cellId);
        if (mapped.isPresent()) {
            Document m = mapped.get();
            return where.append("status", "mapped").append("x", m.get("x")).append("y", m.get("y"))
                    .append("pcaX", m.get("pcaX")).append("pcaY", m.get("pcaY")).append("cluster", m.get("cluster"))
                    .append("component", m.get("component")).append("imputed", m.get("imputed"))
                    .append("neighbours", m.get("neighbours"));
        }
        Optional<Document> placed = maps.placement(version, cellId);
        if (placed.isPresent()) {
            Document p = placed.get();
            for (String field : List.of("x", "y", "cluster", "clusterProbability", "confidence", "unlikeAtlas",
                    "nearestDistance", "imputed", "neighbours", "placedAt")) {
                where.append(field, p.get(field));
            }
            return where.append("status", "placed");
        }
        Optional<String> leftOff = MapStore.leftOff(summary).stream().filter(l -> l.cellId().equals(cellId))
                .map(l -> l.reason()).findFirst();
        if (leftOff.isPresent()) {
            return where.append("status", "left_off").append("reason", leftOff.get());
        }
        String why = cells.features(cellId).map(MapInputs::cell)
                .map(c -> c.leftOffReason(MapStore.parameters(summary.get("parameters", Document.class)).minFeatures()))
                .orElse("no features yet");
        return where.append("status", "not_placed").append("reason", why == null ? "waiting to be placed" : why);
    }

    /** Map cells matching the filter, one page, with the total count. */
    public Optional<Map<String, Object>> list(CellFilter filter, int page, int size) {
        Optional<AtlasTable> current = current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        AtlasTable t = current.get();
        Map<String, Map<String, Double>> raw = filter.needsRawFeatures() ? rawFeatures() : Map.of();
        List<Map<String, Object>> rows = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!filter.matches(t, i, raw.getOrDefault(t.ids()[i], Map.of()))) {
                continue;
            }
            if (total >= page * size && rows.size() < size) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("cellId", t.ids()[i]);
                row.put("dandiset", t.dandisets()[i]);
                row.put("species", t.species()[i]);
                row.put("region", t.regions()[i]);
                row.put("x", t.x()[i]);
                row.put("y", t.y()[i]);
                row.put("cluster", t.clusters()[i]);
                rows.add(row);
            }
            total++;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mapVersion", t.mapVersion());
        body.put("total", total);
        body.put("page", page);
        body.put("size", size);
        body.put("cells", rows);
        return Optional.of(body);
    }

    /** Every cell's raw ipfx features (for filters and the export on names beyond the 16 map inputs). */
    public Map<String, Map<String, Double>> rawFeatures() {
        Map<String, Map<String, Double>> out = new java.util.HashMap<>();
        for (Document doc : cells.allFeatures()) {
            out.put(doc.getString("_id"), MapInputs.raw(doc));
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
