package org.patchmap.feature.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.FeaturesEvent.FeatureValue;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.events.UploadExpiredEvent;
import org.patchmap.feature.domain.PublishedFeatures;
import org.patchmap.feature.domain.RecordedFamily;
import org.patchmap.feature.store.CellFeatureStore;
import org.patchmap.feature.store.SweepFamilyStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code patchmap.uploads.expired} over the real broker: the expired file's two cells lose their features and
 * families (the API answers 404), another upload's cell and a DANDI cell keep theirs; a second event changes
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = true)
class UploadExpiredListenerTest {
    private static final Instant T = Instant.parse("2026-12-01T11:30:00Z");

    @Inject
    CellFeatureStore features;

    @Inject
    SweepFamilyStore families;

    @Test
    void theExpiredFilesCellsAreDeletedAndNoOther() {
        String expired = CellIds.uploadFile("00000000000000e1ff", "gone.nwb");
        String second = CellIds.cell(expired, 2);
        String other = CellIds.uploadFile("00000000000000e2ff", "gone.nwb");
        String dandi = CellIds.dandiFile("000008", "sub-1/gone.nwb");
        List<String> cells = List.of(expired, second, other, dandi);
        for (String cellId : cells) {
            save(cellId);
            given().get("/api/features/" + cellId).then().statusCode(200);
        }

        UploadExpiredEvent event = new UploadExpiredEvent(1, expired, "sha2-256:e1", "u-1", T, T);
        KafkaTestClient.send(Topics.UPLOADS_EXPIRED, expired, EventJson.write(event));
        Eventually.until("the expired cells deleted", () -> features.find(expired).isEmpty()
                && families.find(second).isEmpty());
        for (String gone : List.of(expired, second)) {
            given().get("/api/features/" + gone).then().statusCode(404);
            given().get("/api/families/" + gone).then().statusCode(404);
        }
        for (String kept : List.of(other, dandi)) {
            given().get("/api/features/" + kept).then().statusCode(200);
            given().get("/api/families/" + kept).then().statusCode(200);
        }
        assertEquals(0, features.deleteCells(event.cellIdPattern()), "nothing left of the file");
        assertEquals(0, families.deleteCells(event.cellIdPattern()));

        // the same event again: nothing else goes
        KafkaTestClient.send(Topics.UPLOADS_EXPIRED, expired, EventJson.write(event));
        UploadExpiredEvent marker = new UploadExpiredEvent(1, CellIds.uploadFile("00000000000000e3ff", "m.nwb"),
                "sha2-256:e3", "u-3", T, T);
        save(marker.fileKey());
        KafkaTestClient.send(Topics.UPLOADS_EXPIRED, marker.fileKey(), EventJson.write(marker));
        Eventually.until("the marker deleted after the replay", () -> features.find(marker.fileKey()).isEmpty());
        for (String kept : List.of(other, dandi)) {
            given().get("/api/features/" + kept).then().statusCode(200);
        }
    }

    private void save(String cellId) {
        Provenance provenance = cellId.startsWith("dandi:") ? Provenance.dandi("000008", "draft", "a-1", "sub-1/gone.nwb")
                : Provenance.upload("gone.nwb");
        features.save(new PublishedFeatures(new FeaturesEvent(1, cellId, provenance, "sha2-256:00",
                Map.of("v_baseline", new FeatureValue(-70.5, "mV")), Map.of(), "patchmap-core test", T), List.of()));
        families.save(new RecordedFamily(new SweepFamilyEvent(1, cellId, provenance, "sha2-256:00", 20000.0,
                new SweepFamilyEvent.Window(0.1, 0.6), List.of(new SweepFamilyEvent.SweepSummary(1, -50, List.of())),
                List.of(), new SweepFamilyEvent.TraceRef("traces", "6743a1f0c2b5e81d9a4f0c11",
                "patchmap-traces-v1+deflate", 100, "00", 1), T), List.of(24000), 1.2));
    }
}
