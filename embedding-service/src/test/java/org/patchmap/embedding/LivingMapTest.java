package org.patchmap.embedding;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBuckets;
import org.bson.Document;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.analysis.SweepFamilyEvents;
import org.patchmap.core.features.FeatureNames;
import org.patchmap.core.map.MapBuilder;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MapParameters;
import org.patchmap.core.map.MapResult;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.sweep.DisplayCodec;
import org.patchmap.core.sweep.DisplayTrace;
import org.patchmap.deploy.testing.SharedData;
import org.patchmap.embedding.store.MapStore;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.embedding.map.LivingMap;
import org.patchmap.embedding.messaging.MapPublisher;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.FeaturesEvent.FeatureValue;
import org.patchmap.events.MapEvent;
import org.patchmap.events.Provenance;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The living map through the real broker and the MongoDB-wire server: no map before 50 cells, 49 new cells do
 * not trigger the next map and the 50th does, the API answers the old map while the new one is built, one
 * server-sent event per new map; a duplicate of a mapped cell lands on its twin; uploads are placed, not mapped.
 * The cells are synthetic feature values (SyntheticCells, 4 types) in valid {@code patchmap.features} events.
 */
@QuarkusTest
@TestProfile(MapTestProfile.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivingMapTest {
    private static final List<SyntheticCells.Row> ROWS = SyntheticCells.generate(100, 4, 0.03, 7);
    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    private static String firstVersion;
    private static String secondVersion;

    @Inject
    LivingMap living;

    @Inject
    MapStore maps;

    @Inject
    MongoClient mongo;

    @Inject
    MapPublisher publisher;

    @Inject
    GatedMapStore gate;

    @TestHTTPResource("/api/maps/events")
    URI events;

    /** A dandi cell's features event: the synthetic row's values, units from the feature schema. */
    static FeaturesEvent event(String cellId, Provenance provenance, Map<String, Double> raw) {
        Map<String, FeatureValue> features = new LinkedHashMap<>();
        Map<String, String> qc = new LinkedHashMap<>();
        raw.forEach((name, v) -> {
            features.put(name, new FeatureValue(v, FeatureNames.unit(name)));
            if (v == null) {
                qc.put(name, "no spike at rheobase");
            }
        });
        return new FeaturesEvent(1, cellId, provenance, "sha2-256:" + Integer.toHexString(cellId.hashCode()) + "#1",
                features, qc, "patchmap-core 0.1.0", Instant.parse("2026-11-24T10:00:00Z"));
    }

    static String dandiId(SyntheticCells.Row row) {
        return "dandi:" + row.dandiset() + "/sub-" + row.cellId() + "/" + row.cellId() + "_icephys.nwb";
    }

    static void sendDandi(int from, int to) {
        for (int i = from; i < to; i++) {
            SyntheticCells.Row row = ROWS.get(i);
            Provenance p = Provenance.dandi(row.dandiset(), "0.240101.0000", "asset-" + row.cellId(),
                    "sub-" + row.cellId() + "/" + row.cellId() + "_icephys.nwb");
            KafkaTestClient.send(MapTestProfile.FEATURES, dandiId(row), EventJson.write(event(dandiId(row), p, row.raw())));
        }
    }

    private static Optional<String> currentVersion() {
        var r = given().get("/api/maps/current");
        return r.statusCode() == 200 ? Optional.of(r.jsonPath().getString("mapVersion")) : Optional.empty();
    }

    @Test
    @Order(1)
    void beforeTheFirstMapTheApiSaysSo() {
        given().get("/api/maps/current").then().statusCode(404).body("error", equalTo("no map yet"));
        given().get("/api/cells").then().statusCode(404).body("error", equalTo("no map yet"));
        given().get("/api/export.csv").then().statusCode(404).body("error", equalTo("no map yet"));
        given().contentType(ContentType.JSON).body("{\"features\": {\"tau\": 0.02}}").post("/api/placements")
                .then().statusCode(404).body("error", equalTo("no map yet"));
    }

    @Test
    @Order(2)
    void fiftyCellsMakeTheFirstMapAndTheFiftiethOfTheNextFiftyTheSecond() {
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().filter(l -> l.startsWith("data:")).forEach(EVENTS::add));
        // counted once it is subscribed: every map published from then on reaches it
        Eventually.until("the event stream open", () -> publisher.listeners() > 0);
        sendDandi(0, 50);
        firstVersion = Eventually.get("first map", LivingMapTest::currentVersion);
        // the event goes out once the map is live and its cells no longer pending: only then do new cells count
        Eventually.until("the first map's server-sent event", () -> !EVENTS.isEmpty());
        assertTrue(EVENTS.get(0).contains(firstVersion), EVENTS.get(0));
        JsonPath first = given().get("/api/maps/current").then().statusCode(200).extract().jsonPath();
        int firstCells = first.getInt("cellCount");
        assertEquals(first.getList("cells.id").size(), firstCells);
        assertEquals(MapFeatures.NAMES, first.getList("features"));
        assertEquals(42, first.getInt("parameters.seed"));

        long requests = living.buildRequests();
        sendDandi(50, 99);
        Eventually.until("49 pending cells", () -> living.pendingCount() == 49);
        // a cell is counted and its request for a map (if any) made in one step: at 49, none of them asked
        assertEquals(requests, living.buildRequests(), "map requests");
        assertEquals(Optional.empty(), living.queued());
        assertEquals(Optional.of(firstVersion), currentVersion());

        String built;
        gate.close();
        try {
            sendDandi(99, 100);
            built = Eventually.get("the next map stored and waiting to become current", gate::waiting);
            assertTrue(maps.summary(built).isPresent());
            assertEquals(Optional.of(firstVersion), currentVersion(), "the old map is served while the new one is built");
        } finally {
            gate.open();
        }
        secondVersion = Eventually.get("second map", () -> currentVersion().filter(v -> !v.equals(firstVersion)));
        assertEquals(built, secondVersion);
        JsonPath second = given().get("/api/maps/current").then().statusCode(200).extract().jsonPath();

        List<ConsumerRecord<String, String>> versions = KafkaTestClient.await(MapTestProfile.MAPS,
                r -> r.key().startsWith("map:"), 2);
        // Each version has its own key, so the two may sit on different partitions: no order between them.
        assertEquals(java.util.Set.of("map:" + firstVersion, "map:" + secondVersion),
                versions.stream().map(ConsumerRecord::key).collect(java.util.stream.Collectors.toSet()));
        ConsumerRecord<String, String> latest = versions.stream().filter(r -> r.key().equals("map:" + secondVersion))
                .findFirst().orElseThrow();
        MapEvent published = EventJson.read(MapTestProfile.MAPS, latest.value(), MapEvent.class);
        assertEquals(second.getInt("cellCount"), published.cellCount());
        assertEquals(42, ((Number) published.parameters().get("seed")).intValue());
        Eventually.until("two server-sent events", () -> EVENTS.size() >= 2);
        assertEquals(0, living.pendingCount()); // the map is live by the time its event goes out
        // one event per map; that nothing else came between them is checked last, behind a third map
        assertEquals(2, EVENTS.size());
        assertTrue(EVENTS.get(1).contains(secondVersion), EVENTS.get(1));
        // every mapped cell has enough features: 100 minus the left-off ones
        int leftOff = (int) ROWS.stream().filter(r -> r.cell().leftOffReason(12) != null).count();
        assertEquals(100 - leftOff, second.getInt("cellCount"));
    }

    @Test
    @Order(3)
    void aDuplicateOfAMappedCellLandsOnItsTwin() {
        SyntheticCells.Row twin = ROWS.get(3);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", "my-copy");
        body.put("features", twin.raw());
        JsonPath placed = given().contentType(ContentType.JSON).body(body).post("/api/placements").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(dandiId(twin), placed.getString("neighbours[0].cellId"));
        assertTrue(placed.getDouble("neighbours[0].distance") < 1e-9, placed.prettify());
        assertTrue(placed.getDouble("nearestDistance") < 1e-9, placed.prettify());
        JsonPath map = given().get("/api/cells/" + dandiId(twin)).then().statusCode(200).extract().jsonPath();
        assertEquals("mapped", map.getString("map.status"));
        assertEquals(map.getDouble("map.x"), placed.getDouble("x"), 1e-6);
        assertEquals(map.getDouble("map.y"), placed.getDouble("y"), 1e-6);
        given().contentType(ContentType.JSON).body("{\"cellId\": \"sparse\", \"features\": {\"tau\": 0.02}}")
                .post("/api/placements").then().statusCode(422)
                .body("error", org.hamcrest.Matchers.startsWith("cell sparse cannot be placed: 1 of 16 map features usable, at least 12 needed"));
    }

    @Test
    @Order(4)
    void anUploadedCellIsPlacedNotMapped() {
        String upload = "upload:0123456789abcdef/copy_of_cell-00005.nwb";
        KafkaTestClient.send(MapTestProfile.FEATURES, upload,
                EventJson.write(event(upload, Provenance.upload("copy_of_cell-00005.nwb"), ROWS.get(5).raw())));
        MapEvent placement = EventJson.read(MapTestProfile.MAPS, KafkaTestClient.awaitValue(MapTestProfile.MAPS, upload),
                MapEvent.class);
        assertEquals(MapEvent.KIND_PLACEMENT, placement.kind());
        assertEquals(secondVersion, placement.mapVersion());
        assertEquals(dandiId(ROWS.get(5)), placement.placement().neighbours().get(0));
        given().get("/api/cells/" + upload).then().statusCode(200).body("map.status", equalTo("placed"))
                .body("map.mapVersion", equalTo(secondVersion))
                .body("map.neighbours[0].cellId", equalTo(dandiId(ROWS.get(5))));
        assertEquals(0, living.pendingCount());
    }

    @Test
    @Order(5)
    void exportHasTheVersionCommentTheDictionaryColumnsAndOneRowPerMappedCell() {
        // The large answers travel compressed when the client accepts it (RestAssured inflates them).
        String csv = given().header("Accept-Encoding", "gzip").get("/api/export.csv").then().statusCode(200)
                .header("Content-Encoding", "gzip").extract().asString();
        given().header("Accept-Encoding", "gzip").get("/api/maps/current").then().statusCode(200)
                .header("Content-Encoding", "gzip");
        String[] lines = csv.split("\n");
        JsonPath current = given().get("/api/maps/current").then().extract().jsonPath();
        int cells = current.getInt("cellCount");
        assertTrue(lines[0].startsWith("# PatchMap map " + secondVersion + " created "), lines[0]);
        List<String> dictionary = given().get("/api/export/dictionary").then().statusCode(200).extract().jsonPath()
                .getList("name");
        assertEquals(7 + 16 + FeatureNames.ALL.size(), dictionary.size());
        assertEquals(String.join(",", dictionary), lines[1]);
        assertEquals(2 + cells, lines.length);
        String row = java.util.Arrays.stream(lines).filter(l -> l.startsWith(dandiId(ROWS.get(3)) + ",")).findFirst()
                .orElseThrow();
        String[] fields = row.split(",", -1);
        assertEquals(dictionary.size(), fields.length);
        assertEquals(ROWS.get(3).raw().get("v_baseline"), Double.valueOf(fields[dictionary.lastIndexOf("v_baseline")]));
        given().get("/api/export/dictionary").then().body("find { it.name == 'tau_ms' }.unit", equalTo("ms"))
                .body("find { it.name == 'ap_1_width_2_long_square' }.definition",
                        equalTo("action potential width at half height of the first action potential, on the sweep at rheobase + 40 pA"));
    }

    @Test
    @Order(6)
    void filtersCountWhatTheMapHolds() {
        JsonPath map = given().get("/api/maps/current").then().extract().jsonPath();
        List<Integer> clusters = map.getList("cells.cluster", Integer.class);
        List<String> dandisets = map.getList("cells.dandiset", String.class);
        List<List<Float>> values = map.getList("cells.values");
        int tau = MapFeatures.NAMES.indexOf("tau_ms");
        long clusterZero = clusters.stream().filter(c -> c == 0).count();
        long firstDandiset = dandisets.stream().filter(d -> d.equals("000001")).count();
        long slow = values.stream().filter(v -> v.get(tau) != null && v.get(tau) >= 25).count();
        assertTrue(clusterZero > 0 && firstDandiset > 0 && slow > 0 && slow < values.size());
        given().get("/api/cells?cluster=0&size=5").then().statusCode(200).body("total", equalTo((int) clusterZero))
                .body("cells.size()", equalTo((int) Math.min(5, clusterZero))).body("cells[0].cluster", equalTo(0));
        given().get("/api/cells?dandiset=000001").then().body("total", equalTo((int) firstDandiset));
        given().get("/api/cells?tau_ms_min=25").then().body("total", equalTo((int) slow));
        long slowRaw = ROWS.stream().filter(r -> map.getList("cells.id").contains(dandiId(r)))
                .filter(r -> r.raw().get("tau") != null && r.raw().get("tau") >= 0.025).count();
        given().get("/api/cells?tau_min=0.025").then().body("total", equalTo((int) slowRaw));
        given().get("/api/cells?tau_min=0.025&tau_max=0.01").then().body("total", equalTo(0));
        given().get("/api/cells?foo_min=1").then().statusCode(400)
                .body("error", equalTo("unknown feature 'foo' in filter 'foo_min'"));
        given().get("/api/cells?tau_min=fast").then().statusCode(400)
                .body("error", equalTo("filter 'tau_min' is 'fast', not a number"));
        given().get("/api/cells?colour=red").then().statusCode(400).body("error", equalTo(
                "unknown filter 'colour': use dandiset, species, region, cluster, <feature>_min or <feature>_max"));
    }

    @Test
    @Order(7)
    void unknownThingsAnswer404WithTheirName() {
        given().get("/api/cells/dandi:000001/none.nwb").then().statusCode(404)
                .body("error", equalTo("no cell dandi:000001/none.nwb"));
        given().get("/api/cells/dandi:000001/none.nwb/traces").then().statusCode(404)
                .body("error", equalTo("no sweeps known for cell dandi:000001/none.nwb"));
        given().post("/api/admin/cells/upload:00/none.nwb/reference").then().statusCode(404)
                .body("error", equalTo("no features for cell upload:00/none.nwb"));
        // the web map is served, with its one script and no external one
        String page = given().get("/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<script src=\"atlas.js\"></script>") && !page.contains("http"), page);
        given().get("/atlas.js").then().statusCode(200);
    }

    @Test
    @Order(8)
    void tracesAreTheDisplayTracesIngestStoredDecoded() throws Exception {
        SweepFamily family = SweepFamilyEvents.inAmplitudeOrder(
                CellAnalysis.family(SharedData.path("data/cells/nwb/LantyerEtAl2018_180817_ME_9_CC.nwb")));
        List<DisplayTrace> display = CellAnalysis.display(family, DisplayTrace.DEFAULT_POINTS);
        byte[] bytes = DisplayCodec.encode(display);
        String cellId = "upload:9f2b6c01d4e5a7b8/LantyerEtAl2018_180817_ME_9_CC.nwb";
        String fileId = GridFSBuckets.create(mongo.getDatabase(MapTestProfile.DATABASE), "traces")
                .uploadFromStream(cellId, new ByteArrayInputStream(bytes)).toHexString();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        SweepFamilyEvent.TraceRef ref = new SweepFamilyEvent.TraceRef("traces", fileId, DisplayCodec.ENCODING,
                bytes.length, sha, display.size());
        SweepFamilyEvent event = SweepFamilyEvents.of(family, cellId, Provenance.upload("LantyerEtAl2018_180817_ME_9_CC.nwb"),
                "sha2-256:9f2b#1", ref, ref, Instant.parse("2026-11-24T10:00:00Z"));
        KafkaTestClient.send(MapTestProfile.SWEEPS, cellId, EventJson.write(event));

        JsonPath traces = Eventually.get("traces", () -> {
            var r = given().get("/api/cells/" + cellId + "/traces");
            return r.statusCode() == 200 ? Optional.of(r.jsonPath()) : Optional.empty();
        });
        assertEquals(display.size(), traces.getList("sweeps").size());
        DisplayTrace last = DisplayCodec.decode(bytes).get(display.size() - 1); // float32 as stored
        int n = display.size() - 1;
        assertEquals(last.sweepNumber(), traces.getInt("sweeps[" + n + "].sweepNumber"));
        assertEquals(event.sweeps().get(n).amplitudePa(), traces.getDouble("sweeps[" + n + "].amplitudePa"), 1e-9);
        assertEquals(last.voltageMv().size(), traces.getList("sweeps[" + n + "].v").size());
        assertEquals(last.voltageMv().values()[10], traces.getDouble("sweeps[" + n + "].v[10]"), 1e-9);
        assertEquals(last.voltageMv().index()[10] / last.samplingRateHz(), traces.getDouble("sweeps[" + n + "].t[10]"), 1e-12);
        assertEquals(event.window().startS(), traces.getDouble("window.startS"), 1e-12);
    }

    @Test
    @Order(9)
    void aStoredVersionRebuildsToTheSameCoordinates() {
        List<MapCell> cells = ROWS.stream().limit(60).map(SyntheticCells.Row::cell).toList();
        MapParameters parameters = MapParameters.defaults().withSeed(7).withEpochs(50);
        MapResult built = new MapBuilder(parameters).build(cells);
        Map<String, MapCell> inputs = new LinkedHashMap<>();
        cells.forEach(c -> inputs.put(c.cellId(), c));
        maps.saveVersion("restart-test", Instant.parse("2026-11-24T12:00:00Z"), built, inputs);

        Document summary = maps.summary("restart-test").orElseThrow();
        assertEquals(parameters, MapStore.parameters(summary.get("parameters", Document.class)));
        assertEquals(built.cells().size(), summary.getInteger("cellCount"));
        assertEquals(built.leftOff(), MapStore.leftOff(summary));
        List<MapCell> stored = maps.inputs("restart-test");
        assertEquals(built.cellIds(), stored.stream().map(MapCell::cellId).toList());
        MapResult rebuilt = new MapBuilder(MapStore.parameters(summary.get("parameters", Document.class))).build(stored);
        assertEquals(0, LivingMap.moved(rebuilt, maps.cells("restart-test")));
        assertEquals(built.cells(), rebuilt.cells());
        assertEquals(Optional.of(secondVersion), currentVersion()); // stored, not current
    }

    @Test
    @Order(10)
    void metricsCountMapsCellsAndPlacements() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        int cells = given().get("/api/maps/current").then().extract().jsonPath().getInt("cellCount");
        assertTrue(metrics.contains("patchmap_maps_built_total{outcome=\"built\"} 2.0"), metrics);
        assertTrue(metrics.contains("patchmap_map_cells " + cells + ".0"), metrics);
        assertTrue(metrics.contains("patchmap_map_pending_cells 0.0"), metrics);
        assertTrue(metrics.contains("patchmap_map_build_duration_seconds_count{stage=\"umap\"} 2"), metrics);
        assertTrue(metrics.contains("patchmap_placements_total{outcome=\"placed\"}"), metrics);
    }

    @Test
    @Order(11)
    void everyMapIsOneServerSentEventInOrder() {
        String third = given().post("/api/admin/maps").then().statusCode(202).extract().jsonPath()
                .getString("mapVersion");
        Eventually.until("the third map's server-sent event", () -> EVENTS.size() >= 3);
        // The stream delivers in order: a repeated event or any other one sent since the first map would be
        // before this one.
        assertEquals(3, EVENTS.size(), String.join("\n", EVENTS));
        assertTrue(EVENTS.get(0).contains(firstVersion), EVENTS.get(0));
        assertTrue(EVENTS.get(1).contains(secondVersion), EVENTS.get(1));
        assertTrue(EVENTS.get(2).contains(third), EVENTS.get(2));
    }
}
