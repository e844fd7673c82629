package org.patchmap.embedding.messaging;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.embedding.AtlasFixture;
import org.patchmap.embedding.MapTestProfile;
import org.patchmap.embedding.SyntheticFeatures;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.events.UploadExpiredEvent;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code patchmap.uploads.expired} over the real broker, on the atlas API's map: two uploaded cells are placed;
 * the expired one's features, traces entry and placement are deleted (the API answers 404, the served map has one
 * placed cell fewer), the other stays placed until it expires in turn (the application's map is then the fixture's
 * alone again, as the other classes of this application expect).
 */
@QuarkusTest
@TestProfile(MapTestProfile.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class UploadExpiredListenerTest {
    private static final MapTestProfile TOPICS = MapTestProfile.TOPICS;
    private static final Instant T = Instant.parse("2026-12-01T11:30:00Z");

    @Inject
    MongoDatabase database;

    @BeforeEach
    void theFixtureMap() {
        AtlasFixture.ensure(TOPICS);
    }

    @Test
    void theExpiredUploadLeavesTheAtlasAndTheOtherStays() {
        int placedBefore = placedCount();
        String gone = CellIds.uploadFile("00000000000000c1ff", "expiring.nwb");
        String kept = CellIds.uploadFile("00000000000000c2ff", "expiring.nwb");
        for (String cellId : List.of(gone, kept)) {
            KafkaTestClient.send(TOPICS.features(), cellId, EventJson.write(SyntheticFeatures.event(cellId,
                    Provenance.upload("expiring.nwb"), SyntheticFeatures.ROWS.get(2).raw())));
            SweepFamilyEvent.TraceRef ref = new SweepFamilyEvent.TraceRef("traces", "6743a1f0c2b5e81d9a4f0c11",
                    "patchmap-display-v1+deflate", 100, "00", 1);
            KafkaTestClient.send(TOPICS.sweeps(), cellId, EventJson.write(new SweepFamilyEvent(1, cellId,
                    Provenance.upload("expiring.nwb"), "sha2-256:c#1", 20000, new SweepFamilyEvent.Window(0.1, 0.6),
                    List.of(new SweepFamilyEvent.SweepSummary(1, 40, null)), null, ref, ref, T)));
        }
        for (String cellId : List.of(gone, kept)) {
            Eventually.until(cellId + " placed", () -> {
                var r = given().get("/api/cells/" + cellId);
                return r.statusCode() == 200 && "placed".equals(r.jsonPath().getString("map.status"));
            });
            Eventually.until(cellId + "'s traces entry", () -> traceEntries(cellId) == 1);
        }
        Eventually.until("two more placed cells served", () -> placedCount() == placedBefore + 2);
        assertEquals(1, placements(gone));

        UploadExpiredEvent event = new UploadExpiredEvent(1, gone, "sha2-256:c1", "u-1", T, T);
        KafkaTestClient.send(Topics.UPLOADS_EXPIRED, gone, EventJson.write(event));
        Eventually.until("the expired cell gone", () -> given().get("/api/cells/" + gone).statusCode() == 404);
        given().get("/api/cells/" + gone).then().statusCode(404);
        given().get("/api/cells/" + gone + "/traces").then().statusCode(404);
        assertEquals(0, placements(gone));
        assertEquals(0, traceEntries(gone));
        Eventually.until("one placed cell fewer served", () -> placedCount() == placedBefore + 1);
        assertEquals("placed", given().get("/api/cells/" + kept).then().statusCode(200).extract().jsonPath()
                .getString("map.status"));
        assertEquals(1, placements(kept));
        assertEquals(1, traceEntries(kept));

        // the other expires too: the application's map is the fixture's alone again, as the other classes expect
        KafkaTestClient.send(Topics.UPLOADS_EXPIRED, kept, EventJson.write(
                new UploadExpiredEvent(1, kept, "sha2-256:c2", "u-2", T, T)));
        Eventually.until("the other cell gone", () -> given().get("/api/cells/" + kept).statusCode() == 404);
        Eventually.until("the placed cells served as before", () -> placedCount() == placedBefore);
        assertEquals(0, placements(kept));
    }

    private static int placedCount() {
        return given().get("/api/maps/current").then().statusCode(200).extract().jsonPath().getInt("placedCount");
    }

    private long placements(String cellId) {
        return database.getCollection("placements").countDocuments(Filters.eq("cellId", cellId));
    }

    private long traceEntries(String cellId) {
        return database.getCollection("cell_traces").countDocuments(Filters.eq("_id", cellId));
    }
}
