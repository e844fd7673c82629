package org.patchmap.feature.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.core.sweep.TraceCodec;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.Topics;
import org.patchmap.feature.RealCell;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/features/{cellId}/first-spike} on real recordings sent through the broker as ingest
 * sends them (compact traces): the first spike of the rheobase sweep is the one of the features the
 * service published, every sample of its 7 ms is there, and the refusals name the cell.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = true)
class CellResourceFirstSpikeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MongoClient mongo;

    @Test
    void firstSpikeOfTheRheobaseSweepAtFullResolution() throws Exception {
        String cellId = "upload:00000000000000b1/LantyerEtAl2018_180817_ME_9_CC.nwb";
        RealCell sent = RealCell.send(mongo, "LantyerEtAl2018_180817_ME_9_CC.nwb", cellId,
                TraceCodec.COMPACT_ENCODING);
        FeaturesEvent published = EventJson.read(Topics.FEATURES, KafkaTestClient.awaitValue(Topics.FEATURES, cellId),
                FeaturesEvent.class);

        JsonNode body = JSON.readTree(given().get("/api/features/" + cellId + "/first-spike").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("cellId", "sweep", "amplitudePa", "samplingRateHz", "thresholdT", "thresholdV", "peakT",
                "peakV", "t", "v", "dvdt"), CellResourceFeaturesTest.names(body));
        assertEquals(cellId, body.get("cellId").asText());
        // sweep 4, 161 pA: the lowest amplitude that fires (ipfx: rheobase 161.0 pA, 9 spikes)
        assertEquals("4", body.get("sweep").asText());
        assertEquals(161.0, body.get("amplitudePa").asDouble());
        assertEquals(published.features().get("rheobase_i").value(), body.get("amplitudePa").asDouble());
        double rate = body.get("samplingRateHz").asDouble();
        assertEquals(sent.family().samplingRateHz(), rate);

        // the spike the cell's ap_1_*_0 features describe, on the same stored traces: equal to the last bit
        double thresholdV = body.get("thresholdV").asDouble();
        double peakV = body.get("peakV").asDouble();
        double thresholdT = body.get("thresholdT").asDouble();
        double peakT = body.get("peakT").asDouble();
        assertEquals(published.features().get("ap_1_threshold_v_0_long_square").value(), thresholdV);
        assertEquals(published.features().get("ap_1_peak_v_0_long_square").value(), peakV);
        assertEquals(published.features().get("latency_0_long_square").value(), thresholdT - sent.family().startS(),
                1e-12);
        // and the one ipfx found (spec 7: 0.5 mV, 0.2 ms)
        assertEquals(-40.62499850988388, thresholdV, 0.5);
        assertEquals(66.4374977350235, peakV, 0.5);
        assertEquals(0.009399999999999992, thresholdT - sent.family().startS(), 2e-4);

        // every sample from 2 ms before threshold to 5 ms after, with v and dV/dt at each
        JsonNode t = body.get("t");
        JsonNode v = body.get("v");
        JsonNode dvdt = body.get("dvdt");
        int n = t.size();
        assertEquals(0.007 * rate, n, 1.0);
        assertEquals(n, v.size());
        assertEquals(n, dvdt.size());
        assertEquals(-2.0, t.get(0).asDouble(), 1e-9);
        assertEquals(5.0, t.get(n - 1).asDouble(), 1e-9);
        for (int k = 1; k < n; k++) {
            assertEquals(1000.0 / rate, t.get(k).asDouble() - t.get(k - 1).asDouble(), 1e-9, "sample " + k);
        }
        int threshold = (int) Math.round(0.002 * rate);
        int peak = threshold + (int) Math.round((peakT - thresholdT) * rate);
        assertEquals(0.0, t.get(threshold).asDouble());
        assertEquals(thresholdV, v.get(threshold).asDouble());
        assertEquals(peakV, v.get(peak).asDouble());
        double maxV = Double.NEGATIVE_INFINITY;
        for (JsonNode x : v) {
            maxV = Math.max(maxV, x.asDouble());
        }
        assertEquals(peakV, maxV);
        // the upstroke feature is the largest dV/dt from threshold to peak: the detector's own dV/dt
        double upstroke = Double.NEGATIVE_INFINITY;
        for (int k = threshold; k < peak; k++) {
            upstroke = Math.max(upstroke, dvdt.get(k).asDouble());
        }
        assertEquals(published.features().get("ap_1_upstroke_0_long_square").value(), upstroke);
        assertTrue(dvdt.get(threshold).asDouble() < 20.0, "below the 20 V/s putative-spike cutoff at threshold");
    }

    @Test
    void cellWithoutActionPotentialIsNotFound() throws Exception {
        String cellId = "upload:00000000000000b2/PYR5_rebound.abf";
        RealCell.send(mongo, "PYR5_rebound.abf", cellId, TraceCodec.COMPACT_ENCODING);
        KafkaTestClient.awaitValue(Topics.FEATURES, cellId);
        given().get("/api/features/" + cellId + "/first-spike").then().statusCode(404)
                .body("error", equalTo(cellId + " has no action potential in its long-square sweeps"));
    }

    @Test
    void unknownCellIsNotFound() {
        given().get("/api/features/upload:00000000000000b3/none.nwb/first-spike").then().statusCode(404)
                .body("error", equalTo("no long-square family for cell upload:00000000000000b3/none.nwb"));
        // every 404 of the API names what is missing
        given().get("/api/features/upload:00000000000000b3/none.nwb").then().statusCode(404)
                .body("error", equalTo("no features for cell upload:00000000000000b3/none.nwb"));
    }

    @Test
    void openApiDocumentsTheBody() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("FirstSpikeView:"))
                .body(containsString("/api/features/{cellId}/first-spike"));
    }
}
