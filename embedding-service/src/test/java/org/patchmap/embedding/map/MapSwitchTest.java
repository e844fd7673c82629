package org.patchmap.embedding.map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.embedding.MapSwitchProfile;
import org.patchmap.embedding.store.GatedMapStore;

import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchmap.embedding.SyntheticFeatures.dandiId;
import static org.patchmap.embedding.SyntheticFeatures.sendDandi;

/**
 * The flip from one map version to the next, in an application of its own: a reference cell that arrives while
 * the new version's pointer flips counts toward the map after it, and alone asks for no map.
 */
@QuarkusTest
@TestProfile(MapSwitchProfile.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class MapSwitchTest {
    private static final MapSwitchProfile TOPICS = MapSwitchProfile.TOPICS;
    /** 101 cells with enough map features: 50 for the first map, 50 for the second, one arriving at the flip. */
    private static final List<SyntheticCells.Row> CELLS = SyntheticCells.generate(140, 4, 0.03, 11).stream()
            .filter(r -> r.cell().leftOffReason(12) == null).limit(101).toList();

    @Inject
    LivingMap living;

    @Inject
    GatedMapStore gate;

    private static Optional<String> currentVersion() {
        var r = given().get("/api/maps/current");
        return r.statusCode() == 200 ? Optional.of(r.jsonPath().getString("mapVersion")) : Optional.empty();
    }

    @Test
    void aCellArrivingWhileTheNextMapBecomesCurrentAsksForNoExtraMap() {
        assertEquals(101, CELLS.size());
        sendDandi(TOPICS.features(), CELLS.subList(0, 50));
        String first = Eventually.get("first map", MapSwitchTest::currentVersion);
        Eventually.until("the first map live", () -> living.pendingCount() == 0);

        String second;
        gate.close();
        try {
            sendDandi(TOPICS.features(), CELLS.subList(50, 99));
            Eventually.until("49 pending cells", () -> living.pendingCount() == 49);
            sendDandi(TOPICS.features(), CELLS.subList(99, 100));
            second = Eventually.get("the second map stored and waiting to become current", gate::waiting);
            long requests = living.buildRequests();
            assertEquals(Optional.empty(), living.queued());

            sendDandi(TOPICS.features(), CELLS.subList(100, 101));
            // counted before it is placed: once its placement is out, it has been counted
            KafkaTestClient.awaitValue(TOPICS.maps(), dandiId(CELLS.get(100)));
            assertEquals(requests, living.buildRequests(), "map requests while the pointer flips");
            assertEquals(Optional.empty(), living.queued());
        } finally {
            gate.open();
        }
        Eventually.until("the second map current", () -> currentVersion().filter(v -> !v.equals(first)).isPresent());
        assertEquals(Optional.of(second), currentVersion());
        Eventually.until("the second map live", () -> living.pendingCount() == 1);
        assertEquals(Optional.empty(), living.queued());
    }
}
