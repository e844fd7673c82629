package org.patchmap.embedding.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.core.map.LeftOffCell;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MapResult;
import org.patchmap.core.map.MappedCell;
import org.patchmap.core.map.Neighbour;
import org.patchmap.core.map.ClusterShare;
import org.patchmap.core.map.Placement;
import org.patchmap.core.qc.MapFeatures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The map versions: {@code maps} (one summary per version: parameters with the seed, code version, counts,
 * left-off cells with reasons, timings), {@code map_cells} (per version and cell: position, cluster, imputed
 * features, neighbours and the 16 map inputs it was built from, in build order), {@code map_state} (the
 * {@code current} pointer) and {@code placements} (cells placed on a version). A version's documents are
 * written before the pointer flips, so a reader never sees half a map. The indexes are {@link MapIndexes}'.
 */
@ApplicationScoped
public class MapStore {
    static final String MAPS = "maps";
    static final String MAP_CELLS = "map_cells";
    static final String STATE = "map_state";
    static final String PLACEMENTS = "placements";
    static final String CURRENT = "current";
    /** Documents written at once, and read per reply: a whole version in one reply could pass a server's limit. */
    private static final int BATCH = 1000;

    @Inject
    MongoDatabase database;

    /** Stores every document of a new version (not yet current). {@code inputs} are the cells it was built from. */
    public void saveVersion(String version, Instant createdAt, MapResult map, Map<String, MapCell> inputs) {
        List<Document> batch = new ArrayList<>(BATCH);
        collection(MAP_CELLS).deleteMany(Filters.eq("mapVersion", version)); // a retried build starts clean
        int order = 0;
        for (MappedCell c : map.cells()) {
            batch.add(cellDocument(version, order++, c, inputs.get(c.cellId())));
            if (batch.size() == BATCH) {
                collection(MAP_CELLS).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection(MAP_CELLS).insertMany(batch);
        }
        List<Document> leftOff = map.leftOff().stream()
                .map(l -> new Document("cellId", l.cellId()).append("reason", l.reason())).toList();
        Document timings = new Document("prepareMs", ms(map.timings().prepareNanos()))
                .append("knnMs", ms(map.timings().knnNanos())).append("umapMs", ms(map.timings().umapNanos()))
                .append("pcaMs", ms(map.timings().pcaNanos())).append("clustersMs", ms(map.timings().clustersNanos()))
                .append("neighboursMs", ms(map.timings().neighboursNanos()))
                .append("totalMs", ms(map.timings().totalNanos()));
        Document summary = new Document("_id", version).append("createdAt", Date.from(createdAt))
                .append("codeVersion", map.codeVersion())
                .append("parameters", new Document(ParameterFields.of(map.parameters())))
                .append("cellCount", map.cells().size()).append("cellIdsSha256", idsDigest(map.cellIds()))
                .append("leftOffCount", map.leftOff().size()).append("leftOff", leftOff)
                .append("components", map.components()).append("clusters", map.clusters()).append("timings", timings);
        collection(MAPS).replaceOne(Filters.eq("_id", version), summary, new ReplaceOptions().upsert(true));
    }

    /**
     * Deletes every version but the {@code keep} most recent and {@code current}, each with its cells and
     * placements (those first, so a version whose deletion is cut short is still listed and goes next time);
     * returns the versions deleted, oldest first.
     */
    public List<String> pruneBeyond(int keep, String current) {
        List<String> newestFirst = new ArrayList<>();
        collection(MAPS).find().projection(new Document("_id", 1)).sort(Sorts.descending("createdAt"))
                .forEach((Document d) -> newestFirst.add(d.getString("_id")));
        List<String> pruned = new ArrayList<>();
        for (String version : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
            if (version.equals(current)) {
                continue;
            }
            collection(MAP_CELLS).deleteMany(Filters.eq("mapVersion", version));
            collection(PLACEMENTS).deleteMany(Filters.eq("mapVersion", version));
            collection(MAPS).deleteOne(Filters.eq("_id", version));
            pruned.add(0, version);
        }
        return pruned;
    }

    /** Makes {@code version} the one every reader sees. */
    public void makeCurrent(String version) {
        collection(STATE).replaceOne(Filters.eq("_id", CURRENT),
                new Document("_id", CURRENT).append("mapVersion", version).append("switchedAt", new Date()),
                new ReplaceOptions().upsert(true));
    }

    /** The current version, empty before the first map. */
    public Optional<MapVersion> current() {
        Document state = collection(STATE).find(Filters.eq("_id", CURRENT)).first();
        return state == null ? Optional.empty() : version(state.getString("mapVersion"));
    }

    public Optional<MapVersion> version(String version) {
        return Optional.ofNullable(collection(MAPS).find(Filters.eq("_id", version)).first()).map(MapStore::version);
    }

    /** A version's cells in build order. */
    public List<MapVersionCell> cells(String version) {
        List<MapVersionCell> out = new ArrayList<>();
        collection(MAP_CELLS).find(Filters.eq("mapVersion", version)).sort(Sorts.ascending("order")).batchSize(BATCH)
                .forEach(d -> out.add(cell(d)));
        return out;
    }

    /** A version's cells in build order, only what the atlas table shows of them. */
    public List<MapRow> rows(String version) {
        List<MapRow> out = new ArrayList<>();
        collection(MAP_CELLS).find(Filters.eq("mapVersion", version)).batchSize(BATCH)
                .projection(new Document("cellId", 1).append("dandiset", 1).append("x", 1).append("y", 1)
                        .append("cluster", 1).append("values", 1))
                .sort(Sorts.ascending("order"))
                .forEach(d -> out.add(new MapRow(d.getString("cellId"), d.getString("dandiset"), d.getDouble("x"),
                        d.getDouble("y"), d.getInteger("cluster"), values(d))));
        return out;
    }

    /** The id of the current version (its pointer alone), empty before the first map. */
    public Optional<String> currentVersionId() {
        return Optional.ofNullable(collection(STATE).find(Filters.eq("_id", CURRENT)).first())
                .map(d -> d.getString("mapVersion"));
    }

    /** One cell of a version, if it is on it. */
    public Optional<MapVersionCell> cell(String version, String cellId) {
        return Optional.ofNullable(collection(MAP_CELLS).find(Filters.eq("_id", version + "|" + cellId)).first())
                .map(MapStore::cell);
    }

    /** The cells a stored version was built from, in build order: with its parameters they rebuild it exactly. */
    public List<MapCell> inputs(String version) {
        return cells(version).stream().map(MapVersionCell::input).toList();
    }

    public void savePlacement(String version, Placement p, Instant placedAt) {
        Document doc = new Document("_id", version + "|" + p.cellId()).append("mapVersion", version)
                .append("cellId", p.cellId()).append("x", p.x()).append("y", p.y()).append("cluster", p.cluster())
                .append("clusterProbability", p.clusterProbability())
                .append("clusterShares", p.clusterShares().stream().map(c -> new Document("cluster", c.cluster())
                        .append("probability", c.probability())).toList()).append("confidence", p.confidence())
                .append("nearestDistance", p.nearestDistance()).append("unlikeAtlas", p.unlikeAtlas())
                .append("neighbours", neighbours(p.neighbours())).append("imputed", p.imputed())
                .append("placedAt", Date.from(placedAt));
        collection(PLACEMENTS).replaceOne(Filters.eq("_id", doc.getString("_id")), doc, new ReplaceOptions().upsert(true));
    }

    public Optional<PlacementEntry> placement(String version, String cellId) {
        return Optional.ofNullable(collection(PLACEMENTS).find(Filters.eq("_id", version + "|" + cellId)).first())
                .map(d -> new PlacementEntry(d.getString("mapVersion"), new Placement(d.getString("cellId"),
                        d.getDouble("x"), d.getDouble("y"), d.getInteger("cluster"), d.getDouble("clusterProbability"),
                        clusterShares(d), neighbours(d), d.getDouble("nearestDistance"), d.getDouble("confidence"),
                        d.getBoolean("unlikeAtlas"), d.getList("imputed", String.class), null),
                        d.getDate("placedAt").toInstant()));
    }

    /** A placement stored without its shares (written before they were kept) answers its winner alone. */
    private static List<ClusterShare> clusterShares(Document d) {
        List<Document> shares = d.getList("clusterShares", Document.class);
        if (shares == null) {
            return List.of(new ClusterShare(d.getInteger("cluster"), d.getDouble("clusterProbability")));
        }
        return shares.stream().map(c -> new ClusterShare(c.getInteger("cluster"), c.getDouble("probability"))).toList();
    }

    /**
     * Where every cell placed on a version landed, by cell id (the placements index serves it; only the position
     * and cluster are read).
     */
    public List<PlacedPosition> placements(String version) {
        List<PlacedPosition> out = new ArrayList<>();
        collection(PLACEMENTS).find(Filters.eq("mapVersion", version)).batchSize(BATCH)
                .projection(new Document("cellId", 1).append("x", 1).append("y", 1).append("cluster", 1))
                .sort(Sorts.ascending("cellId"))
                .forEach(d -> out.add(new PlacedPosition(d.getString("cellId"), d.getDouble("x"), d.getDouble("y"),
                        d.getInteger("cluster"))));
        return out;
    }

    private static MapVersion version(Document d) {
        List<LeftOffCell> leftOff = d.getList("leftOff", Document.class).stream()
                .map(l -> new LeftOffCell(l.getString("cellId"), l.getString("reason"))).toList();
        return new MapVersion(d.getString("_id"), d.getDate("createdAt").toInstant(), d.getString("codeVersion"),
                ParameterFields.parameters(d.get("parameters", Document.class)), d.getInteger("cellCount"),
                d.getString("cellIdsSha256"), leftOff, d.getInteger("components"), d.getInteger("clusters"));
    }

    private static Document cellDocument(String version, int order, MappedCell c, MapCell input) {
        List<Double> values = new ArrayList<>();
        for (String name : MapFeatures.NAMES) {
            values.add(input == null ? null : input.features().values().get(name));
        }
        return new Document("_id", version + "|" + c.cellId()).append("mapVersion", version).append("order", order)
                .append("cellId", c.cellId()).append("dandiset", c.dandiset()).append("x", c.x()).append("y", c.y())
                .append("pcaX", c.pcaX()).append("pcaY", c.pcaY()).append("cluster", c.cluster())
                .append("component", c.component()).append("imputed", c.imputed())
                .append("neighbours", neighbours(c.neighbours())).append("values", values);
    }

    private static List<Double> values(Document d) {
        List<Double> values = new ArrayList<>();
        for (Object v : d.getList("values", Object.class)) {
            values.add(v instanceof Number n ? n.doubleValue() : null);
        }
        return values;
    }

    private static MapVersionCell cell(Document d) {
        List<Double> values = values(d);
        MappedCell cell = new MappedCell(d.getString("cellId"), d.getString("dandiset"), d.getDouble("x"),
                d.getDouble("y"), d.getDouble("pcaX"), d.getDouble("pcaY"), d.getInteger("cluster"),
                d.getInteger("component"), d.getList("imputed", String.class), neighbours(d));
        return new MapVersionCell(d.getString("mapVersion"), d.getInteger("order"), cell, values);
    }

    private static List<Document> neighbours(List<Neighbour> near) {
        return near.stream().map(n -> new Document("cellId", n.cellId()).append("distance", n.distance())).toList();
    }

    private static List<Neighbour> neighbours(Document stored) {
        return stored.getList("neighbours", Document.class).stream()
                .map(n -> new Neighbour(n.getString("cellId"), n.getDouble("distance"))).toList();
    }

    /** The ids are in {@code map_cells}; the summary keeps their digest (100,000 DANDI ids would pass 16 MB). */
    static String idsDigest(List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Deletes the placements, on every version, of the cells whose id matches {@code cellIdPattern}. */
    public long deletePlacements(String cellIdPattern) {
        return collection(PLACEMENTS).deleteMany(Filters.regex("cellId", cellIdPattern)).getDeletedCount();
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }
}
