package org.patchmap.embedding;

import org.patchmap.core.map.SyntheticCells;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.EventJson;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.MetadataEvent.SourcedQuantity;
import org.patchmap.events.MetadataEvent.SourcedTerm;
import org.patchmap.events.SimulatedOrigin;
import org.patchmap.testing.TestTokens;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.patchmap.embedding.SyntheticFeatures.ROWS;
import static org.patchmap.embedding.SyntheticFeatures.dandiId;

/**
 * The atlas the API tests read: the 100 cells of {@link SyntheticFeatures#ROWS} (dandiset features) all on the
 * current map, nothing pending, no build asked for. Two of them have metadata, stored before the map is built:
 * {@link #SIMULATED_ROW} a simulated cell's ({@link #SIMULATED}; no age or temperature), {@link #REAL_ROW} a real
 * cell's (age {@link #REAL_AGE_DAYS} days, recorded at {@link #REAL_TEMPERATURE_C} °C by {@link #REAL_LAB}); the
 * others none. Made once per application, on the first call; later calls find it there (the tests that use it add no
 * reference cell).
 */
public final class AtlasFixture {
    public static final SyntheticCells.Row SIMULATED_ROW = ROWS.get(0);
    public static final SyntheticCells.Row REAL_ROW = ROWS.get(1);
    public static final SimulatedOrigin SIMULATED = new SimulatedOrigin("fast_spiking",
            "patchmap-sim single-compartment conductance-based neuron", 12345L,
            Map.of("gNa_mS_cm2", 58.1, "diameter_um", 56.0));
    public static final double REAL_AGE_DAYS = 147.96;
    public static final double REAL_TEMPERATURE_C = 34.0;
    /** The lab dandiset 000008's contact person names. */
    public static final SourcedTerm REAL_LAB = new SourcedTerm("Tolias lab", null, "dandiset", 0.6);
    private static final SourcedTerm MOUSE = new SourcedTerm("Mus musculus", "NCBITaxon:10090", "asset", 1.0);

    private AtlasFixture() {
    }

    public static void ensure(GatedMapProfile topics) {
        if (mapped(ROWS.get(ROWS.size() - 1))) {
            return;
        }
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        KafkaTestClient.send(topics.metadata(), dandiId(SIMULATED_ROW), EventJson.write(new MetadataEvent(1,
                dandiId(SIMULATED_ROW), SyntheticFeatures.provenance(SIMULATED_ROW), MOUSE,
                new SourcedTerm("unknown", null, "text", 0.0), null, null, null, null, "regions-1", at, SIMULATED)));
        KafkaTestClient.send(topics.metadata(), dandiId(REAL_ROW), EventJson.write(new MetadataEvent(1,
                dandiId(REAL_ROW), SyntheticFeatures.provenance(REAL_ROW), MOUSE,
                new SourcedTerm("motor cortex", "MBA:500", "text", 0.9),
                new SourcedQuantity(REAL_AGE_DAYS, "P147DT82800S", "asset", 1.0), null, null,
                new SourcedQuantity(REAL_TEMPERATURE_C, "34 C", "nwb", 1.0), "regions-1", at, null, REAL_LAB)));
        for (SyntheticCells.Row row : new SyntheticCells.Row[]{SIMULATED_ROW, REAL_ROW}) {
            Eventually.until("metadata of " + dandiId(row), () -> given().get("/api/cells/" + dandiId(row))
                    .statusCode() == 200);
        }
        SyntheticFeatures.sendDandi(topics.features(), ROWS);
        for (SyntheticCells.Row row : ROWS) {
            Eventually.until("features of " + dandiId(row), () -> {
                var r = given().get("/api/cells/" + dandiId(row));
                return r.statusCode() == 200 && r.jsonPath().get("features") != null;
            });
        }
        // every cell is stored: the map asked for now (or the one already queued) holds them all
        String version = given().auth().oauth2(TestTokens.admin()).post("/api/admin/maps").then().statusCode(202).extract().jsonPath()
                .getString("mapVersion");
        Eventually.get("the map of the fixture", () -> {
            var r = given().get("/api/maps/current");
            return r.statusCode() == 200 && version.equals(r.jsonPath().getString("mapVersion"))
                    ? Optional.of(version) : Optional.empty();
        });
    }

    private static boolean mapped(SyntheticCells.Row row) {
        var r = given().get("/api/cells/" + dandiId(row));
        return r.statusCode() == 200 && "mapped".equals(r.jsonPath().getString("map.status"));
    }
}
