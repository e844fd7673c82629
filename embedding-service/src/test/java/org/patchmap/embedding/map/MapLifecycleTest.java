package org.patchmap.embedding.map;

import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.patchmap.core.map.MapBuilder;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MapParameters;
import org.patchmap.core.map.MapResult;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.embedding.ArrowMap;
import org.patchmap.embedding.MapLifecycleProfile;
import org.patchmap.embedding.atlas.MapArrow;
import org.patchmap.embedding.messaging.MapPublisher;
import org.patchmap.embedding.store.GatedMapStore;
import org.patchmap.embedding.store.MapStore;
import org.patchmap.embedding.store.MapVersion;
import org.patchmap.events.EventJson;
import org.patchmap.events.MapEvent;
import org.patchmap.events.Provenance;
import org.patchmap.testing.TestTokens;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchmap.embedding.SyntheticFeatures.ROWS;
import static org.patchmap.embedding.SyntheticFeatures.dandiId;
import static org.patchmap.embedding.SyntheticFeatures.event;
import static org.patchmap.embedding.SyntheticFeatures.sendDandi;

/**
 * The living map through the real broker and the MongoDB-wire server, in an application of its own that starts
 * without a map: no map before 50 cells, 49 new cells do not trigger the next map and the 50th does, the API
 * answers the old map while the new one is built, one server-sent event per new map, uploads are placed, not
 * mapped; and a stored version rebuilds to the same coordinates. The cells are {@code SyntheticFeatures.ROWS}.
 */
@QuarkusTest
@TestProfile(MapLifecycleProfile.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class MapLifecycleTest {
    private static final MapLifecycleProfile TOPICS = MapLifecycleProfile.TOPICS;
    /** Whether the restart test stored its version (older than every map) before the maps were built. */
    private static volatile boolean restartVersionStoredBefore;

    @Inject
    LivingMap living;

    @Inject
    MapStore maps;

    @Inject
    MongoDatabase database;

    @Inject
    MapPublisher publisher;

    @Inject
    GatedMapStore gate;

    @TestHTTPResource("/api/maps/events")
    URI events;

    /** The management interface's root, {@code .../q/}: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static Optional<String> currentVersion() {
        var r = given().get("/api/maps/current");
        return r.statusCode() == 200 ? Optional.of(r.jsonPath().getString("mapVersion")) : Optional.empty();
    }

    /**
     * The map's life from an empty service, step by step: each step starts where the one before it left the
     * map (its versions, its pending cells, its server-sent events).
     */
    @Test
    void aMapLivesThroughItsVersions() {
        beforeTheFirstMapTheApiSaysSo();
        List<String> sse = listen();
        String first = fiftyCellsMakeTheFirstMap(sse);
        String second = fortyNineCellsWaitAndTheFiftiethMakesTheSecondMap(sse, first);
        anUploadedCellIsPlacedNotMapped(second);
        metricsCountMapsCellsAndPlacements();
        everyMapIsOneServerSentEventInOrder(sse, first, second);
    }

    private void beforeTheFirstMapTheApiSaysSo() {
        given().get("/api/maps/current").then().statusCode(404).body("error", equalTo("no map yet"));
        given().get("/api/maps/current/values?feature=tau_ms").then().statusCode(404)
                .body("error", equalTo("no map yet"));
        given().get("/api/cells").then().statusCode(404).body("error", equalTo("no map yet"));
        given().get("/api/export.csv").then().statusCode(404).body("error", equalTo("no map yet"));
        given().contentType(ContentType.JSON).body("{\"features\": {\"tau\": 0.02}}").post("/api/placements")
                .then().statusCode(404).body("error", equalTo("no map yet"));
    }

    /** The data lines of {@code /api/maps/events} from now on. */
    private List<String> listen() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().filter(l -> l.startsWith("data:")).forEach(lines::add));
        // counted once it is subscribed: every map published from then on reaches it
        Eventually.until("the event stream open", () -> publisher.listeners() > 0);
        return lines;
    }

    private String fiftyCellsMakeTheFirstMap(List<String> sse) {
        sendDandi(TOPICS.features(), ROWS.subList(0, 50));
        String first = Eventually.get("first map", MapLifecycleTest::currentVersion);
        // the event goes out once the map is live and its cells no longer pending: only then do new cells count
        Eventually.until("the first map's server-sent event", () -> !sse.isEmpty());
        assertTrue(sse.get(0).contains(first), sse.get(0));
        JsonPath map = given().get("/api/maps/current").then().statusCode(200).extract().jsonPath();
        int firstCells = map.getInt("cellCount");
        assertEquals(map.getList("cells.id").size(), firstCells);
        assertEquals(MapFeatures.NAMES, map.getList("features"));
        assertEquals(42, map.getInt("parameters.seed"));
        return first;
    }

    private String fortyNineCellsWaitAndTheFiftiethMakesTheSecondMap(List<String> sse, String first) {
        long requests = living.buildRequests();
        sendDandi(TOPICS.features(), ROWS.subList(50, 99));
        Eventually.until("49 pending cells", () -> living.pendingCount() == 49);
        // a cell is counted and its request for a map (if any) made in one step: at 49, none of them asked
        assertEquals(requests, living.buildRequests(), "map requests");
        assertEquals(Optional.empty(), living.queued());
        assertEquals(Optional.of(first), currentVersion());

        String built;
        gate.close();
        try {
            sendDandi(TOPICS.features(), ROWS.subList(99, 100));
            built = Eventually.get("the next map stored and waiting to become current", gate::waiting);
            assertTrue(maps.version(built).isPresent());
            assertEquals(Optional.of(first), currentVersion(), "the old map is served while the new one is built");
        } finally {
            gate.open();
        }
        String second = Eventually.get("second map", () -> currentVersion().filter(v -> !v.equals(first)));
        assertEquals(built, second);
        JsonPath map = given().get("/api/maps/current").then().statusCode(200).extract().jsonPath();

        List<ConsumerRecord<String, String>> versions = KafkaTestClient.await(TOPICS.maps(),
                r -> r.key().startsWith("map:"), 2);
        // Each version has its own key, so the two may sit on different partitions: no order between them.
        assertEquals(Set.of("map:" + first, "map:" + second),
                versions.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        ConsumerRecord<String, String> latest = versions.stream().filter(r -> r.key().equals("map:" + second))
                .findFirst().orElseThrow();
        MapEvent published = EventJson.read(TOPICS.maps(), latest.value(), MapEvent.class);
        assertEquals(map.getInt("cellCount"), published.cellCount());
        assertEquals(42, ((Number) published.parameters().get("seed")).intValue());
        Eventually.until("two server-sent events", () -> sse.size() >= 2);
        assertEquals(0, living.pendingCount()); // the map is live by the time its event goes out
        // one event per map; that nothing else came between them is checked last, behind a third map
        assertEquals(2, sse.size());
        assertTrue(sse.get(1).contains(second), sse.get(1));
        // every mapped cell has enough features: 100 minus the left-off ones
        int leftOff = (int) ROWS.stream().filter(r -> r.cell().leftOffReason(12) != null).count();
        assertEquals(100 - leftOff, map.getInt("cellCount"));
        return second;
    }

    private void anUploadedCellIsPlacedNotMapped(String second) {
        String upload = "upload:0123456789abcdef/copy_of_cell-00005.nwb";
        KafkaTestClient.send(TOPICS.features(), upload,
                EventJson.write(event(upload, Provenance.upload("copy_of_cell-00005.nwb"), ROWS.get(5).raw())));
        MapEvent placement = EventJson.read(TOPICS.maps(), KafkaTestClient.awaitValue(TOPICS.maps(), upload),
                MapEvent.class);
        assertEquals(MapEvent.KIND_PLACEMENT, placement.kind());
        assertEquals(second, placement.mapVersion());
        assertEquals(dandiId(ROWS.get(5)), placement.placement().neighbours().get(0));
        given().get("/api/cells/" + upload).then().statusCode(200).body("map.status", equalTo("placed"))
                .body("map.mapVersion", equalTo(second))
                .body("map.neighbours[0].cellId", equalTo(dandiId(ROWS.get(5))));
        // the stored placement keeps every cluster's share: with the runners-up they add up to all rounds
        JsonPath stored = given().get("/api/cells/" + upload).then().extract().jsonPath();
        double shares = stored.getDouble("map.clusterProbability")
                + stored.getList("map.runnersUp.probability", Float.class).stream().mapToDouble(Float::doubleValue).sum();
        assertEquals(1.0, shares, 1e-6, stored.prettify());
        assertEquals(0, living.pendingCount());
        theMapShowsThePlacedCellAfterItsCells(second, upload);
    }

    /** Both forms of the map add the placed upload after the map's cells, marked placed, where it was placed. */
    private void theMapShowsThePlacedCellAfterItsCells(String second, String upload) {
        JsonPath cell = given().get("/api/cells/" + upload).then().extract().jsonPath();
        JsonPath map = Eventually.get("the placed upload on the served map", () -> {
            JsonPath m = given().get("/api/maps/current").then().statusCode(200).extract().jsonPath();
            return m.getList("cells.id").contains(upload) ? Optional.of(m) : Optional.empty();
        });
        assertEquals(second, map.getString("mapVersion"));
        int mapped = map.getInt("cellCount");
        List<String> ids = map.getList("cells.id");
        assertEquals(1, map.getInt("placedCount"));
        assertEquals(mapped + 1, ids.size());
        assertEquals(mapped, ids.indexOf(upload)); // after the map's own cells
        List<Boolean> placed = map.getList("cells.placed");
        assertEquals(mapped, placed.indexOf(true));
        assertEquals(1, placed.stream().filter(p -> p).count());
        assertEquals(cell.getDouble("map.x"), map.getDouble("cells.x[" + mapped + "]"), 1e-9);
        assertEquals(cell.getDouble("map.y"), map.getDouble("cells.y[" + mapped + "]"), 1e-9);
        assertEquals(cell.getInt("map.cluster"), map.getInt("cells.cluster[" + mapped + "]"));
        assertEquals(null, map.getString("cells.dandiset[" + mapped + "]"));
        List<Object> values = map.getList("cells.values[" + mapped + "]");
        assertEquals(16, values.size());
        // the upload's features are cell 5's: its map inputs are the same as that cell's row
        assertEquals(map.getList("cells.values[" + ids.indexOf(dandiId(ROWS.get(5))) + "]"), values);
        // no metadata was sent for any cell: age and temperature are null on every row, the placed one too
        for (String quantity : List.of("ageDays", "temperatureC")) {
            List<Object> column = map.getList("cells." + quantity);
            assertEquals(mapped + 1, column.size(), quantity);
            assertTrue(column.stream().allMatch(v -> v == null), quantity);
        }
        // one map input alone comes in the same row order, the placed cell last
        int tau = MapFeatures.NAMES.indexOf("tau_ms");
        JsonPath tauValues = given().get("/api/maps/current/values?feature=tau_ms").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(second, tauValues.getString("mapVersion"));
        List<Object> column = tauValues.getList("values");
        assertEquals(mapped + 1, column.size());
        for (int i = 0; i <= mapped; i++) {
            assertEquals(map.getList("cells.values[" + i + "]").get(tau), column.get(i), "row " + i);
        }
        // the binary form says the same
        ArrowMap arrow;
        try {
            arrow = ArrowMap.read(given().header("Accept", MapArrow.MEDIA_TYPE).get("/api/maps/current").then()
                    .statusCode(200).extract().asByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(ids, arrow.id());
        assertEquals(String.valueOf(mapped), arrow.metadata().get("cellCount"));
        assertEquals("1", arrow.metadata().get("placedCount"));
        assertEquals(placed, arrow.placed());
        assertEquals((float) cell.getDouble("map.x"), arrow.x().get(mapped));
        assertEquals(null, arrow.quantities().get("ageDays").get(mapped));
        assertEquals(null, arrow.quantities().get("temperatureC").get(mapped));
        assertEquals(cell.getInt("map.cluster"), arrow.cluster().get(mapped));
    }

    private void metricsCountMapsCellsAndPlacements() {
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        int cells = given().get("/api/maps/current").then().extract().jsonPath().getInt("cellCount");
        assertTrue(metrics.contains("patchmap_maps_built_total{outcome=\"built\"} 2.0"), metrics);
        assertTrue(metrics.contains("patchmap_map_cells " + cells + ".0"), metrics);
        assertTrue(metrics.contains("patchmap_map_pending_cells 0.0"), metrics);
        assertTrue(metrics.contains("patchmap_map_build_duration_seconds_count{stage=\"umap\"} 2"), metrics);
        assertTrue(metrics.contains("patchmap_placements_total{outcome=\"placed\"}"), metrics);
    }

    private void everyMapIsOneServerSentEventInOrder(List<String> sse, String first, String second) {
        String third = given().auth().oauth2(TestTokens.admin()).post("/api/admin/maps").then().statusCode(202).extract().jsonPath()
                .getString("mapVersion");
        Eventually.until("the third map's server-sent event", () -> sse.size() >= 3);
        // The stream delivers in order: a repeated event or any other one sent since the first map would be
        // before this one.
        assertEquals(3, sse.size(), String.join("\n", sse));
        assertTrue(sse.get(0).contains(first), sse.get(0));
        assertTrue(sse.get(1).contains(second), sse.get(1));
        assertTrue(sse.get(2).contains(third), sse.get(2));
        olderVersionsThanTheTwoKeptAreDeletedWithTheirCellsAndPlacements(first, second, third);
    }

    private void olderVersionsThanTheTwoKeptAreDeletedWithTheirCellsAndPlacements(String first, String second,
                                                                                 String third) {
        // pruned right after the third map's placements: wait for its counter, then look
        Eventually.until("the first version pruned", () -> maps.version(first).isEmpty());
        assertEquals(List.of(), maps.cells(first));
        assertEquals(0, database.getCollection("placements").countDocuments(new Document("mapVersion", first)));
        assertEquals(0, database.getCollection("map_cells").countDocuments(new Document("mapVersion", first)));
        int cells = given().get("/api/maps/current").then().extract().jsonPath().getInt("cellCount");
        assertEquals(cells, maps.cells(second).size(), "the previous version is kept");
        assertEquals(cells, maps.cells(third).size());
        // the upload was placed on the second map, and again on the third
        String upload = "upload:0123456789abcdef/copy_of_cell-00005.nwb";
        assertTrue(maps.placement(second, upload).isPresent());
        assertTrue(maps.placement(third, upload).isPresent());
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        // the first version, and the restart test's stored one when that test ran before this one
        assertTrue(metrics.contains("patchmap_maps_pruned_total " + (restartVersionStoredBefore ? "2.0" : "1.0")),
                metrics);
    }

    @Test
    void aStoredVersionRebuildsToTheSameCoordinates() {
        Optional<String> current = currentVersion();
        List<MapCell> cells = ROWS.stream().limit(60).map(SyntheticCells.Row::cell).toList();
        MapParameters parameters = MapParameters.defaults().withSeed(7).withEpochs(50);
        MapResult built = new MapBuilder(parameters).build(cells);
        Map<String, MapCell> inputs = new LinkedHashMap<>();
        cells.forEach(c -> inputs.put(c.cellId(), c));
        restartVersionStoredBefore = true;
        maps.saveVersion("restart-test", Instant.parse("2026-11-24T12:00:00Z"), built, inputs);

        MapVersion summary = maps.version("restart-test").orElseThrow();
        assertEquals(parameters, summary.parameters());
        assertEquals(built.cells().size(), summary.cellCount());
        assertEquals(built.leftOff(), summary.leftOff());
        List<MapCell> stored = maps.inputs("restart-test");
        assertEquals(built.cellIds(), stored.stream().map(MapCell::cellId).toList());
        MapResult rebuilt = new MapBuilder(summary.parameters()).build(stored);
        assertEquals(0, LivingMap.moved(rebuilt, maps.cells("restart-test")));
        assertEquals(built.cells(), rebuilt.cells());
        assertEquals(current, currentVersion()); // stored, not current
    }

    @Test
    void theStoreIndexesExistWhateverMapStoreRuns() {
        // this application runs the gated store, a subclass: the indexes do not depend on its lifecycle
        assertTrue(indexNames("map_cells").contains("mapVersion_1_order_1"), indexNames("map_cells").toString());
        assertTrue(indexNames("placements").contains("mapVersion_1_cellId_1"), indexNames("placements").toString());
        assertTrue(indexNames("cell_features").contains("provenance.source_1"), indexNames("cell_features").toString());
    }

    private List<String> indexNames(String collection) {
        List<String> names = new ArrayList<>();
        database.getCollection(collection).listIndexes().forEach((Document d) -> names.add(d.getString("name")));
        return names;
    }
}
