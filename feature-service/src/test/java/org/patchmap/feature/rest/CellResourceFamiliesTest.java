package org.patchmap.feature.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.feature.domain.RecordedFamily;
import org.patchmap.feature.store.SweepFamilyStore;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /api/families/{cellId}}: the event's fields, then what its traces hold; absent values omitted. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = true)
class CellResourceFamiliesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SweepFamilyStore store;

    @Test
    void bodyIsTheEventThenWhatItsTracesHold() throws Exception {
        String cellId = "upload:00000000000000f3/rest.nwb";
        SweepFamilyEvent family = new SweepFamilyEvent(1, cellId, Provenance.upload("rest.nwb"), "sha2-256:f3#1",
                20000.0, new SweepFamilyEvent.Window(0.1, 0.6),
                List.of(new SweepFamilyEvent.SweepSummary(1, -50, List.of()),
                        new SweepFamilyEvent.SweepSummary(2, 50, List.of("pre_pulse"))),
                List.of(), new SweepFamilyEvent.TraceRef("traces", "6743a1f0c2b5e81d9a4f0c11",
                "patchmap-traces-v1+deflate", 100, "00", 2), Instant.parse("2026-11-24T10:00:00Z"));
        store.save(new RecordedFamily(family, List.of(24000, 24000), 1.2));

        JsonNode body = JSON.readTree(given().get("/api/families/" + cellId).then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("schemaVersion", "cellId", "provenance", "inputDigest", "samplingRateHz", "window",
                "sweeps", "flags", "traces", "extractedAt", "samplesPerSweep", "durationS"),
                CellResourceFeaturesTest.names(body));
        assertEquals("{\"sweepNumber\":2,\"amplitudePa\":50.0,\"flags\":[\"pre_pulse\"]}",
                body.get("sweeps").get(1).toString());
        assertEquals("[24000,24000]", body.get("samplesPerSweep").toString());
        assertEquals(1.2, body.get("durationS").asDouble());
    }

    @Test
    void unknownCellIsNotFound() {
        given().get("/api/families/upload:00000000000000f4/none.nwb").then().statusCode(404);
    }
}
