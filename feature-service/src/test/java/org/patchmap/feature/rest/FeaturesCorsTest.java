package org.patchmap.feature.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.FeaturesEvent.FeatureValue;
import org.patchmap.events.Provenance;
import org.patchmap.feature.domain.PublishedFeatures;
import org.patchmap.feature.store.CellFeatureStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * CORS for the atlas page on another origin (as {@code bin/stack} sets it: CORS_ENABLED, CORS_ORIGINS with
 * embedding-service's origins): an allowed origin gets {@code Access-Control-Allow-Origin} on an upload's features
 * and on a preflight, any other origin gets no such header and a 403.
 */
@QuarkusTest
@TestProfile(FeaturesCorsTest.AtlasPageOrigins.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = true)
class FeaturesCorsTest {
    static final String PAGE = "http://localhost:8080";
    static final String PAGE_BY_ADDRESS = "http://127.0.0.1:8080";
    static final String OTHER = "http://localhost:9000";
    static final String CELL = "upload:00000000000000c1/cors.nwb";

    /** The variables bin/stack sets for a page served by embedding-service on port 8080. */
    public static class AtlasPageOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("CORS_ENABLED", "true", "CORS_ORIGINS", PAGE + "," + PAGE_BY_ADDRESS);
        }
    }

    @Inject
    CellFeatureStore store;

    private void stored() {
        store.save(new PublishedFeatures(new FeaturesEvent(1, CELL, Provenance.upload("cors.nwb"), "sha2-256:c1#1",
                Map.of("v_baseline", new FeatureValue(-70.5, "mV")), Map.of(), "patchmap-core test",
                Instant.parse("2026-11-25T09:00:00Z")), List.of()));
    }

    @Test
    void anAllowedOriginReadsAnUploadsFeatures() {
        stored();
        for (String origin : new String[]{PAGE, PAGE_BY_ADDRESS}) {
            given().header("Origin", origin).get("/api/features/" + CELL).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo(origin))
                    .body("features.v_baseline.value", equalTo(-70.5f));
        }
        given().header("Origin", PAGE).header("Access-Control-Request-Method", "GET")
                .options("/api/features/" + CELL).then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PAGE))
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void anotherOriginGetsNoCorsHeader() {
        stored();
        given().header("Origin", OTHER).get("/api/features/" + CELL).then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", OTHER).header("Access-Control-Request-Method", "GET")
                .options("/api/features/" + CELL).then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        // a client that sends no Origin is not concerned
        given().get("/api/features/" + CELL).then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
