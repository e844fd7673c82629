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
import org.patchmap.core.features.FeatureNames;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.embedding.map.LivingMap;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.FeaturesEvent.FeatureValue;
import org.patchmap.events.MapEvent;
import org.patchmap.events.Provenance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<SyntheticCells.Row> ROWS = SyntheticCells.generate(100, 4, 0.03, 7);
    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    private static String firstVersion;
    private static String secondVersion;

    @Inject
    LivingMap living;

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
    void fiftyCellsMakeTheFirstMapAndTheFiftiethOfTheNextFiftyTheSecond() throws Exception {
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().filter(l -> l.startsWith("data:")).forEach(EVENTS::add));
        Thread.sleep(500); // the stream is open before the first map
        sendDandi(0, 50);
        firstVersion = Eventually.get("first map", WAIT, LivingMapTest::currentVersion);
        JsonPath first = given().get("/api/maps/current").then().statusCode(200).extract().jsonPath();
        int firstCells = first.getInt("cellCount");
        assertEquals(first.getList("cells.id").size(), firstCells);
        assertEquals(MapFeatures.NAMES, first.getList("features"));
        assertEquals(42, first.getInt("parameters.seed"));

        sendDandi(50, 99);
        Eventually.get("49 pending cells", WAIT, () -> living.pendingCount() == 49 ? Optional.of(true) : Optional.empty());
        Thread.sleep(2500); // longer than the 1 s debounce: a map would have started
        assertEquals(Optional.empty(), living.queued());
        assertEquals(Optional.of(firstVersion), currentVersion());

        sendDandi(99, 100);
        List<String> seenDuringBuild = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        String now = firstVersion;
        while (now.equals(firstVersion) && System.nanoTime() < deadline) {
            var r = given().get("/api/maps/current");
            assertEquals(200, r.statusCode());
            now = r.jsonPath().getString("mapVersion");
            seenDuringBuild.add(now);
        }
        secondVersion = now;
        assertNotEquals(firstVersion, secondVersion);
        assertTrue(seenDuringBuild.indexOf(firstVersion) >= 0, "the old map was served while the new one was built");
        JsonPath second = given().get("/api/maps/current").then().statusCode(200).extract().jsonPath();
        assertEquals(0, living.pendingCount());

        List<ConsumerRecord<String, String>> versions = KafkaTestClient.await(MapTestProfile.MAPS,
                r -> r.key().startsWith("map:"), 2, WAIT);
        assertEquals(List.of("map:" + firstVersion, "map:" + secondVersion), versions.stream().map(ConsumerRecord::key).toList());
        MapEvent published = EventJson.read(MapTestProfile.MAPS, versions.get(1).value(), MapEvent.class);
        assertEquals(second.getInt("cellCount"), published.cellCount());
        assertEquals(42, ((Number) published.parameters().get("seed")).intValue());
        Eventually.get("two server-sent events", Duration.ofSeconds(10),
                () -> EVENTS.size() >= 2 ? Optional.of(true) : Optional.empty());
        Thread.sleep(300);
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
        MapEvent placement = EventJson.read(MapTestProfile.MAPS, KafkaTestClient.awaitValue(MapTestProfile.MAPS, upload, WAIT),
                MapEvent.class);
        assertEquals(MapEvent.KIND_PLACEMENT, placement.kind());
        assertEquals(secondVersion, placement.mapVersion());
        assertEquals(dandiId(ROWS.get(5)), placement.placement().neighbours().get(0));
        given().get("/api/cells/" + upload).then().statusCode(200).body("map.status", equalTo("placed"))
                .body("map.mapVersion", equalTo(secondVersion))
                .body("map.neighbours[0].cellId", equalTo(dandiId(ROWS.get(5))));
        assertEquals(0, living.pendingCount());
    }
}
