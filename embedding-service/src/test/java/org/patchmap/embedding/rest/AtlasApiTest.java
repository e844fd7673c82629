package org.patchmap.embedding.rest;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.analysis.SweepFamilyEvents;
import org.patchmap.core.features.FeatureNames;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.core.sweep.DisplayCodec;
import org.patchmap.core.sweep.DisplayTrace;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.testing.SharedData;
import org.patchmap.embedding.ArrowMap;
import org.patchmap.embedding.AtlasFixture;
import org.patchmap.embedding.atlas.MapArrow;
import org.patchmap.embedding.MapTestProfile;
import org.patchmap.events.EventJson;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchmap.embedding.SyntheticFeatures.ROWS;
import static org.patchmap.embedding.SyntheticFeatures.dandiId;

/**
 * The atlas API's reads on the map of {@link AtlasFixture} (the 100 synthetic cells): placements of submitted
 * features, the export and its dictionary (with a simulated cell's type), the filters, the 404s and the web page,
 * and display traces of a real recording.
 */
@QuarkusTest
@TestProfile(MapTestProfile.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class AtlasApiTest {
    private static final MapTestProfile TOPICS = MapTestProfile.TOPICS;

    @Inject
    MongoDatabase database;

    @BeforeEach
    void theFixtureMap() {
        AtlasFixture.ensure(TOPICS);
    }

    @Test
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
        double shares = placed.getDouble("clusterProbability")
                + placed.getList("runnersUp.probability", Float.class).stream().mapToDouble(Float::doubleValue).sum();
        assertEquals(1.0, shares, 1e-6, placed.prettify());
        JsonPath map = given().get("/api/cells/" + dandiId(twin)).then().statusCode(200).extract().jsonPath();
        assertEquals("mapped", map.getString("map.status"));
        assertEquals(map.getDouble("map.x"), placed.getDouble("x"), 1e-6);
        assertEquals(map.getDouble("map.y"), placed.getDouble("y"), 1e-6);
        given().contentType(ContentType.JSON).body("{\"cellId\": \"sparse\", \"features\": {\"tau\": 0.02}}")
                .post("/api/placements").then().statusCode(422)
                .body("error", startsWith("cell sparse cannot be placed: 1 of 16 map features usable, at least 12 needed"));
    }

    @Test
    void exportHasTheVersionCommentTheDictionaryColumnsAndOneRowPerMappedCell() {
        // The large answers travel compressed when the client accepts it (RestAssured inflates them).
        String csv = given().header("Accept-Encoding", "gzip").get("/api/export.csv").then().statusCode(200)
                .header("Content-Encoding", "gzip").extract().asString();
        given().header("Accept-Encoding", "gzip").get("/api/maps/current").then().statusCode(200)
                .header("Content-Encoding", "gzip");
        String[] lines = csv.split("\n");
        JsonPath current = given().get("/api/maps/current").then().extract().jsonPath();
        int cells = current.getInt("cellCount");
        assertTrue(lines[0].startsWith("# PatchMap map " + current.getString("mapVersion") + " created "), lines[0]);
        List<String> dictionary = given().get("/api/export/dictionary").then().statusCode(200).extract().jsonPath()
                .getList("name");
        assertEquals(8 + 16 + FeatureNames.ALL.size(), dictionary.size());
        assertEquals(String.join(",", dictionary), lines[1]);
        assertEquals(2 + cells, lines.length);
        String row = Arrays.stream(lines).filter(l -> l.startsWith(dandiId(ROWS.get(3)) + ",")).findFirst()
                .orElseThrow();
        String[] fields = row.split(",", -1);
        assertEquals(dictionary.size(), fields.length);
        assertEquals(ROWS.get(3).raw().get("v_baseline"), Double.valueOf(fields[dictionary.lastIndexOf("v_baseline")]));
        given().get("/api/export/dictionary").then().body("find { it.name == 'tau_ms' }.unit", equalTo("ms"))
                .body("find { it.name == 'ap_1_width_2_long_square' }.definition",
                        equalTo("action potential width at half height of the first action potential, on the sweep at rheobase + 40 pA"));
    }

    @Test
    void exportNamesTheSimulatedTypeOfASimulatedCellAndNothingForARealOne() throws Exception {
        List<String> header = new ArrayList<>(List.of("cell_id", "dandiset", "species", "region", "simulated_type",
                "x", "y", "cluster"));
        header.addAll(MapFeatures.NAMES);
        header.addAll(FeatureNames.ALL);
        String[] lines = given().get("/api/export.csv").then().statusCode(200).extract().asString().split("\n");
        assertEquals(String.join(",", header), lines[1]);
        JsonNode current = EventJson.mapper().readTree(given().get("/api/maps/current").then().statusCode(200)
                .extract().asString());
        assertEquals(expectedRow(current, AtlasFixture.SIMULATED_ROW, "Mus musculus,unknown,fast_spiking"),
                row(lines, AtlasFixture.SIMULATED_ROW));
        assertEquals(expectedRow(current, AtlasFixture.REAL_ROW, "Mus musculus,motor cortex,"),
                row(lines, AtlasFixture.REAL_ROW));
        assertEquals(expectedRow(current, ROWS.get(2), ",,"), row(lines, ROWS.get(2)));
        // the map's columns say which cells are simulated (the page labels the atlas with it)
        List<String> ids = new ArrayList<>();
        current.at("/cells/id").forEach(id -> ids.add(id.asText()));
        JsonNode simulatedType = current.at("/cells/simulatedType");
        assertEquals("fast_spiking", simulatedType.get(ids.indexOf(dandiId(AtlasFixture.SIMULATED_ROW))).asText());
        assertTrue(simulatedType.get(ids.indexOf(dandiId(AtlasFixture.REAL_ROW))).isNull());
        assertEquals(1, java.util.stream.StreamSupport.stream(simulatedType.spliterator(), false)
                .filter(t -> !t.isNull()).count());
        given().get("/api/export/dictionary").then().body("[4].name", equalTo("simulated_type"))
                .body("[4].definition", equalTo("for a simulated cell, the model type it was drawn from (its archive's"
                        + " asset metadata, e.g. fast_spiking); empty for a real cell"));

        JsonNode cell = EventJson.mapper().readTree(given().get("/api/cells/" + dandiId(AtlasFixture.SIMULATED_ROW))
                .then().statusCode(200).extract().asString());
        assertEquals(EventJson.mapper().readTree("""
                {"type": "fast_spiking", "model": "patchmap-sim single-compartment conductance-based neuron",
                 "seed": 12345, "parameters": {"diameter_um": 56.0, "gNa_mS_cm2": 58.1}}"""),
                cell.path("metadata").path("simulated"));
        assertEquals("mapped", cell.path("map").path("status").asText());
        JsonNode real = EventJson.mapper().readTree(given().get("/api/cells/" + dandiId(AtlasFixture.REAL_ROW))
                .then().statusCode(200).extract().asString());
        assertEquals("motor cortex", real.path("metadata").path("brainRegion").path("label").asText());
        assertEquals(EventJson.mapper().readTree("""
                {"label": "Tolias lab", "source": "dandiset", "confidence": 0.6}"""), real.path("metadata").path("lab"));
        assertFalse(cell.path("metadata").has("lab"), "the simulated cell's metadata names no lab");
        assertFalse(real.path("metadata").has("simulated"), real.toString());
    }

    private static String row(String[] lines, SyntheticCells.Row cell) {
        return Arrays.stream(lines).filter(l -> l.startsWith(dandiId(cell) + ",")).findFirst().orElseThrow();
    }

    /** A cell's export row from what the map answers (position, cluster, map inputs) and the features it was sent. */
    private static String expectedRow(JsonNode current, SyntheticCells.Row cell, String metadataColumns) {
        JsonNode cells = current.path("cells");
        int i = 0;
        while (!cells.path("id").get(i).asText().equals(dandiId(cell))) {
            i++;
        }
        StringBuilder row = new StringBuilder(dandiId(cell) + "," + cell.dandiset() + "," + metadataColumns + ","
                + cells.path("x").get(i).asText() + "," + cells.path("y").get(i).asText() + ","
                + cells.path("cluster").get(i).asText());
        for (JsonNode v : cells.path("values").get(i)) {
            row.append(',').append(v.isNull() ? "" : v.asText());
        }
        for (String name : FeatureNames.ALL) {
            Double v = cell.raw().get(name);
            row.append(',').append(v == null ? "" : v.toString());
        }
        return row.toString();
    }

    @Test
    void theBinaryMapHoldsExactlyTheJsonMapsValues() throws Exception {
        JsonNode json = EventJson.mapper().readTree(given().get("/api/maps/current").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString());
        byte[] plain = given().header("Accept", MapArrow.MEDIA_TYPE).get("/api/maps/current").then().statusCode(200)
                .contentType(MapArrow.MEDIA_TYPE).extract().asByteArray();
        // the compressed form is prepared once and sent as it is; it inflates to the same stream
        byte[] compressed = given().header("Accept", MapArrow.MEDIA_TYPE).header("Accept-Encoding", "gzip")
                .get("/api/maps/current").then().statusCode(200).header("Content-Encoding", "gzip").extract()
                .asByteArray();
        assertTrue(Arrays.equals(plain, compressed), "gzip form inflates to the plain stream");

        ArrowMap arrow = ArrowMap.read(plain);
        JsonNode cells = json.path("cells");
        int n = cells.path("id").size();
        assertEquals(100 - (int) ROWS.stream().filter(r -> r.cell().leftOffReason(12) != null).count(), n);
        assertEquals(List.of("id", "x", "y", "cluster", "dandiset", "species", "region", "simulatedType", "placed",
                "ageDays", "temperatureC", "lab"), arrow.columns());
        assertEquals(Map.of("mapVersion", json.path("mapVersion").asText(), "createdAt", json.path("createdAt").asText(),
                "codeVersion", json.path("codeVersion").asText(), "cellCount", String.valueOf(n), "placedCount", "0"),
                arrow.metadata());
        assertEquals(n, arrow.id().size());
        for (int i = 0; i < n; i++) {
            assertEquals(cells.path("id").get(i).asText(), arrow.id().get(i));
            assertEquals((float) cells.path("x").get(i).asDouble(), arrow.x().get(i));
            assertEquals((float) cells.path("y").get(i).asDouble(), arrow.y().get(i));
            assertEquals(cells.path("cluster").get(i).asInt(), arrow.cluster().get(i));
            for (String label : List.of("dandiset", "species", "region", "simulatedType", "lab")) {
                JsonNode v = cells.path(label).get(i);
                assertEquals(v.isNull() ? null : v.asText(), arrow.labels().get(label).get(i), label + " of row " + i);
            }
            assertFalse(cells.path("placed").get(i).asBoolean());
            assertFalse(arrow.placed().get(i));
            for (String quantity : List.of("ageDays", "temperatureC")) {
                JsonNode v = cells.path(quantity).get(i);
                assertEquals(v.isNull() ? null : (float) v.asDouble(), arrow.quantities().get(quantity).get(i),
                        quantity + " of row " + i);
            }
        }
        int real = arrow.id().indexOf(dandiId(AtlasFixture.REAL_ROW));
        assertEquals((float) AtlasFixture.REAL_AGE_DAYS, arrow.quantities().get("ageDays").get(real));
        assertEquals((float) AtlasFixture.REAL_TEMPERATURE_C, arrow.quantities().get("temperatureC").get(real));
        assertEquals("Mus musculus", arrow.labels().get("species").get(arrow.id().indexOf(dandiId(AtlasFixture.REAL_ROW))));
        assertEquals("fast_spiking",
                arrow.labels().get("simulatedType").get(arrow.id().indexOf(dandiId(AtlasFixture.SIMULATED_ROW))));
        // only the real cell's metadata names its lab
        assertEquals("Tolias lab", arrow.labels().get("lab").get(real));
        assertEquals(1, arrow.labels().get("lab").stream().filter(java.util.Objects::nonNull).count());
        assertEquals(n, cells.path("lab").size());
        // without asking for the binary form, a client gets JSON
        given().header("Accept", "*/*").get("/api/maps/current").then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void ageAndTemperatureAreTheFilesMetadataAndNullWhenUnknown() throws Exception {
        JsonNode cells = EventJson.mapper().readTree(given().get("/api/maps/current").then().statusCode(200)
                .extract().asString()).path("cells");
        List<String> ids = new ArrayList<>();
        cells.path("id").forEach(id -> ids.add(id.asText()));
        int real = ids.indexOf(dandiId(AtlasFixture.REAL_ROW));
        int simulated = ids.indexOf(dandiId(AtlasFixture.SIMULATED_ROW));
        for (String quantity : List.of("ageDays", "temperatureC")) {
            JsonNode column = cells.path(quantity);
            assertEquals(ids.size(), column.size(), quantity);
            assertTrue(column.get(simulated).isNull(), quantity + " of the simulated cell, which states none");
            // only the real cell's metadata states them
            assertEquals(1, java.util.stream.StreamSupport.stream(column.spliterator(), false)
                    .filter(v -> !v.isNull()).count(), quantity);
        }
        assertEquals(AtlasFixture.REAL_AGE_DAYS, cells.path("ageDays").get(real).asDouble(), 0);
        assertEquals(AtlasFixture.REAL_TEMPERATURE_C, cells.path("temperatureC").get(real).asDouble(), 0);
    }

    @Test
    void oneMapInputComesInTheMapsRowOrderWithItsUnit() throws Exception {
        JsonNode current = EventJson.mapper().readTree(given().get("/api/maps/current").then().statusCode(200)
                .extract().asString());
        JsonNode rows = current.path("cells").path("values");
        int nulls = 0;
        for (String feature : List.of("tau_ms", "log10_input_resistance", "latency_0_long_square")) {
            int f = MapFeatures.NAMES.indexOf(feature);
            JsonNode answer = EventJson.mapper().readTree(given().header("Accept-Encoding", "gzip")
                    .get("/api/maps/current/values?feature=" + feature).then().statusCode(200)
                    .contentType(ContentType.JSON).header("Content-Encoding", "gzip").extract().asString());
            assertEquals(current.path("mapVersion").asText(), answer.path("mapVersion").asText());
            assertEquals(feature, answer.path("feature").asText());
            assertEquals(MapFeatures.INPUTS.get(f).unit(), answer.path("unit").asText());
            JsonNode values = answer.path("values");
            assertEquals(rows.size(), values.size(), feature);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(rows.get(i).get(f), values.get(i), feature + " of row " + i);
                nulls += values.get(i).isNull() ? 1 : 0;
            }
        }
        assertTrue(nulls > 0, "some synthetic cells lack a feature: missing values are null");
        given().get("/api/maps/current/values?feature=tau_ms").then().body("unit", equalTo("ms"));
        String inputs = String.join(", ", MapFeatures.NAMES);
        given().get("/api/maps/current/values?feature=tau").then().statusCode(400)
                .body("error", equalTo("unknown feature 'tau': use one of the 16 map inputs: " + inputs));
        given().get("/api/maps/current/values").then().statusCode(400)
                .body("error", equalTo("query parameter 'feature' is missing: use one of the 16 map inputs: " + inputs));
    }

    @Test
    void aPolygonKeepsTheMapCellsInsideIt() throws Exception {
        JsonNode current = EventJson.mapper().readTree(given().get("/api/maps/current").then().statusCode(200)
                .extract().asString());
        JsonNode cells = current.path("cells");
        int n = current.path("cellCount").asInt(); // the map's own cells: the rows the filters read
        // the positions in float32, as the binary map and the filter have them
        List<Float> xs = new ArrayList<>();
        List<Float> ys = new ArrayList<>();
        List<Integer> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs.add((float) cells.path("x").get(i).asDouble());
            ys.add((float) cells.path("y").get(i).asDouble());
            clusters.add(cells.path("cluster").get(i).asInt());
        }
        float minX = xs.stream().min(Float::compare).orElseThrow();
        float maxX = xs.stream().max(Float::compare).orElseThrow();
        float minY = ys.stream().min(Float::compare).orElseThrow();
        float maxY = ys.stream().max(Float::compare).orElseThrow();
        double midX = (minX + maxX) / 2;
        double midY = (minY + maxY) / 2;

        // a rectangle, as an axis-aligned box: the left half of the map (its left and bottom edges hold their cells)
        long left = 0;
        long leftInClusterZero = 0;
        for (int i = 0; i < n; i++) {
            if (xs.get(i) >= minX - 1 && xs.get(i) < midX && ys.get(i) >= minY - 1 && ys.get(i) < maxY + 1) {
                left++;
                leftInClusterZero += clusters.get(i) == 0 ? 1 : 0;
            }
        }
        assertTrue(left > 0 && left < n, left + " of " + n);
        String box = polygon(minX - 1, minY - 1, midX, minY - 1, midX, maxY + 1, minX - 1, maxY + 1);
        given().get("/api/cells?polygon=" + box).then().statusCode(200).body("total", equalTo((int) left));
        // combined with another filter: both hold
        given().get("/api/cells?cluster=0&polygon=" + box).then().body("total", equalTo((int) leftInClusterZero));
        // the vertices in the other direction select the same cells
        given().get("/api/cells?polygon=" + polygon(minX - 1, maxY + 1, midX, maxY + 1, midX, minY - 1, minX - 1,
                minY - 1)).then().body("total", equalTo((int) left));

        // a triangle, counted with the sides' cross products: (min, min), (max, min), (min, max) with a margin
        double[] t = {minX - 1, minY - 1, maxX + 1, minY - 1, minX - 1, maxY + 1};
        long inTriangle = 0;
        for (int i = 0; i < n; i++) {
            double px = xs.get(i);
            double py = ys.get(i);
            boolean inside = true;
            for (int k = 0; k < 3; k++) {
                double ax = t[2 * k], ay = t[2 * k + 1], bx = t[(2 * k + 2) % 6], by = t[(2 * k + 3) % 6];
                inside &= (bx - ax) * (py - ay) - (by - ay) * (px - ax) > 0; // left of each counter-clockwise side
            }
            inTriangle += inside ? 1 : 0;
        }
        assertTrue(inTriangle > 0 && inTriangle < n, inTriangle + " of " + n);
        given().get("/api/cells?polygon=" + polygon(t)).then().body("total", equalTo((int) inTriangle));

        // a cell exactly on the boundary: on the left edge it is in, on the right edge it is out
        int c = 5;
        double cx = xs.get(c);
        String onLeft = polygon(cx, minY - 1, maxX + 1, minY - 1, maxX + 1, maxY + 1, cx, maxY + 1);
        String onRight = polygon(minX - 1, minY - 1, cx, minY - 1, cx, maxY + 1, minX - 1, maxY + 1);
        String id = cells.path("id").get(c).asText();
        assertTrue(cellIds("/api/cells?size=1000&polygon=" + onLeft).contains(id), id + " on the left edge");
        assertFalse(cellIds("/api/cells?size=1000&polygon=" + onRight).contains(id), id + " on the right edge");

        // nothing outside the map's extent
        given().get("/api/cells?polygon=" + polygon(maxX + 1, maxY + 1, maxX + 2, maxY + 1, maxX + 2, maxY + 2))
                .then().body("total", equalTo(0));

        given().get("/api/cells?polygon=0,0,1,0,1").then().statusCode(400).body("error", equalTo(
                "filter 'polygon' has 5 numbers: give x,y pairs (x1,y1,x2,y2,... in map coordinates)"));
        given().get("/api/cells?polygon=0,0,1,1").then().statusCode(400)
                .body("error", equalTo("filter 'polygon' has 2 vertices: a polygon needs at least 3"));
        given().get("/api/cells?polygon=0,0,1,east,1,1").then().statusCode(400)
                .body("error", equalTo("filter 'polygon' has 'east', not a number"));
        given().get("/api/cells?polygon=0,0,1,NaN,1,1").then().statusCode(400)
                .body("error", equalTo("filter 'polygon' has 'NaN', not a number"));
    }

    /** A polygon query value; each number is written so that it parses back to exactly the same double. */
    private static String polygon(double... xy) {
        return String.join(",", Arrays.stream(xy).mapToObj(Double::toString).toList());
    }

    private static List<String> cellIds(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getList("cells.cellId", String.class);
    }

    @Test
    void thePageIsToldWhereToUploadAndReadFeatures() {
        // ATLAS_INGEST_URL as the test profile sets it, trailing slash dropped; ATLAS_FEATURE_URL unset: same origin
        given().get("/api/config").then().statusCode(200).contentType(ContentType.JSON)
                .body("ingestUrl", equalTo("http://localhost:18081")).body("featureUrl", equalTo(""));
    }

    @Test
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

    /** The operator's requests need a bearer token with role admin, checked before anything else; reads need none. */
    @Test
    void adminRequestsNeedAnAdminToken() {
        for (String path : List.of("/api/admin/maps", "/api/admin/cells/upload:00/none.nwb/reference")) {
            given().post(path).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .body("error", equalTo("this request needs a valid bearer token (Authorization: Bearer ...)"));
            given().auth().oauth2(TestTokens.foreign(TestTokens.ADMIN)).post(path).then().statusCode(401);
            given().auth().oauth2(TestTokens.withRoles(TestTokens.USER)).post(path).then().statusCode(403)
                    .body("error", equalTo("the bearer token lacks the role this request needs"));
        }
        given().auth().oauth2("not.a.token").get("/api/cells").then().statusCode(200);
    }

    @Test
    void unknownThingsAnswer404WithTheirName() {
        given().get("/api/cells/dandi:000001/none.nwb").then().statusCode(404)
                .body("error", equalTo("no cell dandi:000001/none.nwb"));
        given().get("/api/cells/dandi:000001/none.nwb/traces").then().statusCode(404)
                .body("error", equalTo("no sweeps known for cell dandi:000001/none.nwb"));
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/cells/upload:00/none.nwb/reference").then().statusCode(404)
                .body("error", equalTo("no features for cell upload:00/none.nwb"));
        // the web atlas is served, with its one script module and stylesheets and nothing external
        String page = given().get("/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<script type=\"module\" src=\"atlas.js\"></script>") && !page.contains("http"), page);
        given().get("/atlas.js").then().statusCode(200);
        given().get("/atlas.css").then().statusCode(200);
        // the interactive API page only where SWAGGER_UI asks for it; the OpenAPI document always
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void tracesAreTheDisplayTracesIngestStoredDecoded() throws Exception {
        SweepFamily family = SweepFamilyEvents.inAmplitudeOrder(
                CellAnalysis.family(SharedData.path("data/cells/nwb/LantyerEtAl2018_180817_ME_9_CC.nwb")));
        List<DisplayTrace> display = CellAnalysis.display(family, DisplayTrace.DEFAULT_POINTS);
        byte[] bytes = DisplayCodec.encode(display);
        String cellId = "upload:9f2b6c01d4e5a7b8/LantyerEtAl2018_180817_ME_9_CC.nwb";
        String fileId = GridFSBuckets.create(database, "traces")
                .uploadFromStream(cellId, new ByteArrayInputStream(bytes)).toHexString();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        SweepFamilyEvent.TraceRef ref = new SweepFamilyEvent.TraceRef("traces", fileId, DisplayCodec.ENCODING,
                bytes.length, sha, display.size());
        SweepFamilyEvent event = SweepFamilyEvents.of(family, cellId, Provenance.upload("LantyerEtAl2018_180817_ME_9_CC.nwb"),
                "sha2-256:9f2b#1", ref, ref, Instant.parse("2026-11-24T10:00:00Z"));
        KafkaTestClient.send(TOPICS.sweeps(), cellId, EventJson.write(event));

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
    void tracesThatDoNotMatchTheirClaimCheckAnswer502NamingTheFile() {
        byte[] bytes = "not what the event says".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String cellId = "upload:9f2b6c01d4e5a7b8/damaged.nwb";
        String fileId = GridFSBuckets.create(database, "traces")
                .uploadFromStream(cellId, new ByteArrayInputStream(bytes)).toHexString();
        SweepFamilyEvent.TraceRef ref = new SweepFamilyEvent.TraceRef("traces", fileId, DisplayCodec.ENCODING,
                bytes.length + 1, "00", 1);
        SweepFamilyEvent event = new SweepFamilyEvent(1, cellId, Provenance.upload("damaged.nwb"), "sha2-256:d#1",
                20000, new SweepFamilyEvent.Window(0.1, 0.6), List.of(new SweepFamilyEvent.SweepSummary(1, 40, null)),
                null, ref, ref, Instant.parse("2026-11-24T10:00:00Z"));
        KafkaTestClient.send(TOPICS.sweeps(), cellId, EventJson.write(event));

        Eventually.until("the sweeps event stored", () -> given().get("/api/cells/" + cellId + "/traces")
                .statusCode() != 404);
        given().get("/api/cells/" + cellId + "/traces").then().statusCode(502).contentType(ContentType.JSON)
                .body("error", equalTo("display traces " + fileId + " of " + cellId + " are " + bytes.length
                        + " bytes, the event says " + (bytes.length + 1)));
    }

    @Test
    void theApiIsDocumentedWithItsAnswers() {
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String schema : List.of("CurrentMapView", "CellPageView", "CellView", "TracesView", "PlacementView",
                "ApiError", "Column")) {
            assertTrue(openapi.contains("    " + schema + ":"), schema + " in\n" + openapi);
        }
        assertTrue(openapi.contains("Where a cell is on the current map"), openapi);
        assertTrue(openapi.contains("summary: \"A cell: features with units"), openapi);
    }
}
