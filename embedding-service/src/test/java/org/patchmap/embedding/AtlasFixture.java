package org.patchmap.embedding;

import org.patchmap.core.map.SyntheticCells;
import org.patchmap.deploy.testing.Eventually;

import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.patchmap.embedding.SyntheticFeatures.ROWS;
import static org.patchmap.embedding.SyntheticFeatures.dandiId;

/**
 * The atlas the API tests read: the 100 cells of {@link SyntheticFeatures#ROWS} (dandiset features, no metadata)
 * all on the current map, nothing pending, no build asked for. Made once per application, on the first call;
 * later calls find it there (the tests that use it add no reference cell).
 */
public final class AtlasFixture {
    private AtlasFixture() {
    }

    public static void ensure(String featuresTopic) {
        if (mapped(ROWS.get(ROWS.size() - 1))) {
            return;
        }
        SyntheticFeatures.sendDandi(featuresTopic, ROWS);
        for (SyntheticCells.Row row : ROWS) {
            Eventually.until("features of " + dandiId(row), () -> given().get("/api/cells/" + dandiId(row))
                    .statusCode() == 200);
        }
        // every cell is stored: the map asked for now (or the one already queued) holds them all
        String version = given().post("/api/admin/maps").then().statusCode(202).extract().jsonPath()
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
