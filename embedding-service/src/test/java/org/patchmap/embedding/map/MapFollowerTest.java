package org.patchmap.embedding.map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.patchmap.core.map.MapBuilder;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MapResult;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.embedding.MapFollowerProfile;
import org.patchmap.embedding.config.MapConfig;
import org.patchmap.embedding.store.MapStore;
import org.patchmap.messaging.store.Lease;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchmap.embedding.SyntheticFeatures.dandiId;
import static org.patchmap.embedding.SyntheticFeatures.event;
import static org.patchmap.embedding.SyntheticFeatures.provenance;
import static org.patchmap.embedding.SyntheticFeatures.sendDandi;

/**
 * Several embedding replicas: only the holder of the {@code map-builder} lease builds; this replica, while
 * another holds it, builds nothing, adopts the version the other makes current (and places on it), and builds
 * once the other's lease has expired.
 */
@QuarkusTest
@TestProfile(MapFollowerProfile.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class MapFollowerTest {
    private static final MapFollowerProfile TOPICS = MapFollowerProfile.TOPICS;
    private static final List<SyntheticCells.Row> CELLS = SyntheticCells.generate(140, 4, 0.03, 13).stream()
            .filter(r -> r.cell().leftOffReason(12) == null).limit(60).toList();

    @Inject
    LivingMap living;

    @Inject
    MapStore maps;

    @Inject
    MapConfig config;

    @Inject
    MongoDatabase database;

    @Inject
    MeterRegistry registry;

    private double builds(String outcome) {
        var counter = registry.find("patchmap.maps.built").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void otherReplicaHoldsTheLease(Instant until) {
        MongoCollection<Document> leases = database.getCollection(Lease.COLLECTION);
        leases.replaceOne(new Document("_id", MapBuilderLease.JOB), new Document("_id", MapBuilderLease.JOB)
                .append("holder", "embedding-other-0a1b2c").append("expiresAt", Date.from(until)),
                new ReplaceOptions().upsert(true));
    }

    @Test
    void aReplicaWithoutTheLeaseFollowsTheBuilderAndBuildsOnceTheLeaseIsFree() {
        assertEquals(60, CELLS.size());
        otherReplicaHoldsTheLease(Instant.now().plusSeconds(3600));

        sendDandi(TOPICS.features(), CELLS.subList(0, 50));
        Eventually.until("a build skipped: another replica builds", () -> builds("not_builder") >= 1);
        assertEquals(0, builds("built"));
        given().get("/api/maps/current").then().statusCode(404);

        // the other replica builds from the same 50 cells and makes its version current
        Map<String, MapCell> inputs = new LinkedHashMap<>();
        for (SyntheticCells.Row row : CELLS.subList(0, 50)) {
            inputs.put(dandiId(row), MapInputs.cell(event(dandiId(row), provenance(row), row.raw())));
        }
        MapResult map = new MapBuilder(config.parameters()).build(List.copyOf(inputs.values()));
        String theirs = "2026-12-03T12:00:00Z-0a1b2c";
        maps.saveVersion(theirs, Instant.parse("2026-12-03T12:00:00Z"), map, inputs);
        maps.makeCurrent(theirs);

        living.follow();

        LivingMap.Live live = living.live().orElseThrow();
        assertEquals(theirs, live.version());
        assertNotNull(live.placer(), "rebuilt for placing");
        assertEquals(50, live.cellIds().size());
        assertEquals(0, living.pendingCount());
        assertEquals(theirs, given().get("/api/maps/current").then().statusCode(200).extract().jsonPath()
                .getString("mapVersion"));
        assertTrue(living.place(inputs.values().iterator().next()).isPresent());

        // the other replica stops renewing: this one takes the lease at its next build and builds
        otherReplicaHoldsTheLease(Instant.now().minusSeconds(1));
        sendDandi(TOPICS.features(), CELLS.subList(50, 60));
        living.requestBuild();
        Eventually.until("a map built here", () -> builds("built") == 1);
        String ours = living.live().orElseThrow().version();
        assertNotEquals(theirs, ours);
        assertEquals(ours, given().get("/api/maps/current").then().statusCode(200).extract().jsonPath()
                .getString("mapVersion"));
        String holder = database.getCollection(Lease.COLLECTION).find(new Document("_id", MapBuilderLease.JOB)).first()
                .getString("holder");
        assertTrue(holder.matches("embedding-test-[0-9a-f]{6}"), holder);
    }
}
