package org.patchmap.feature.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.FeaturesEvent.FeatureValue;
import org.patchmap.events.Provenance;
import org.patchmap.feature.domain.PublishedFeatures;
import org.patchmap.feature.domain.SweepSpikes;
import org.patchmap.feature.store.CellFeatureStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code GET /api/features/{cellId}}: the published event's fields, then the sweep table; absent values omitted. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = true)
class CellResourceFeaturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CellFeatureStore store;

    @Test
    void bodyIsTheEventThenTheSweepTable() throws Exception {
        String cellId = "upload:00000000000000f1/rest.nwb";
        FeaturesEvent event = new FeaturesEvent(1, cellId, Provenance.upload("rest.nwb"), "sha2-256:f1#1",
                Map.of("tau", new FeatureValue(null, "s"), "v_baseline", new FeatureValue(-70.5, "mV")),
                Map.of("tau", "no subthreshold sweep"), "patchmap-core test", Instant.parse("2026-11-25T09:00:00Z"));
        store.save(new PublishedFeatures(event, List.of(new SweepSpikes("3", -50, 0, null, null),
                new SweepSpikes("4", 150, 2, 0.2641, 34.9))));

        JsonNode body = JSON.readTree(given().get("/api/features/" + cellId).then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("schemaVersion", "cellId", "provenance", "inputDigest", "features", "qc", "codeVersion",
                "computedAt", "sweeps"), names(body));
        assertEquals("{\"source\":\"upload\",\"path\":\"rest.nwb\"}", body.get("provenance").toString());
        assertEquals("{\"unit\":\"s\"}", body.get("features").get("tau").toString());
        assertEquals("2026-11-25T09:00:00Z", body.get("computedAt").asText());
        assertEquals("{\"sweep\":\"3\",\"amplitudePa\":-50.0,\"nSpikes\":0}", body.get("sweeps").get(0).toString());
        assertEquals("{\"sweep\":\"4\",\"amplitudePa\":150.0,\"nSpikes\":2,\"firstThresholdT\":0.2641,"
                + "\"firstPeakV\":34.9}", body.get("sweeps").get(1).toString());
        assertFalse(body.has("_id"));
    }

    @Test
    void unknownCellIsNotFound() {
        given().get("/api/features/upload:00000000000000f2/none.nwb").then().statusCode(404);
    }

    @Test
    void openApiDocumentsTheBody() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("CellFeaturesView:"))
                .body(containsString("A cell's long-square features as last published on patchmap.features"));
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
