package org.patchmap.messaging.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.infra.MongoWireServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two replicas contending for one lease on a MongoDB-wire server over TCP, with clocks the test moves. */
class LeaseTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private static MongoWireServer server;
    private static MongoClient client;
    private MongoCollection<Document> leases;

    @BeforeAll
    static void start() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void emptyCollection() {
        leases = client.getDatabase("lease-test").getCollection(Lease.COLLECTION);
        leases.drop();
    }

    private Lease replica(String holder, Instant now) {
        return new Lease(leases, "dandi-poller", holder, TTL, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theFirstReplicaTakesTheLeaseAndTheSecondDoesNot() {
        assertTrue(replica("ingest-a", T0).hold());
        assertFalse(replica("ingest-b", T0.plusSeconds(1)).hold());
        assertEquals(Optional.of("ingest-a"), replica("ingest-b", T0.plusSeconds(1)).currentHolder());
        assertEquals(1, leases.countDocuments());
    }

    @Test
    void theHolderRenewsAndKeepsItPastTheFirstExpiry() {
        assertTrue(replica("ingest-a", T0).hold());
        assertTrue(replica("ingest-a", T0.plusSeconds(20)).hold());
        // 40 s after the start the first term is over, the renewed one is not
        assertFalse(replica("ingest-b", T0.plusSeconds(40)).hold());
        assertEquals(T0.plusSeconds(50), leases.find().first().getDate("expiresAt").toInstant());
    }

    @Test
    void anotherReplicaTakesOverWhenTheHolderStopsRenewing() {
        assertTrue(replica("ingest-a", T0).hold());
        assertFalse(replica("ingest-b", T0.plusSeconds(29)).hold());
        assertTrue(replica("ingest-b", T0.plusSeconds(30)).hold());
        // the old holder, back after a pause, finds it taken
        assertFalse(replica("ingest-a", T0.plusSeconds(31)).hold());
        assertEquals(Optional.of("ingest-b"), replica("ingest-a", T0.plusSeconds(31)).currentHolder());
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        Lease a = replica("ingest-a", T0);
        assertTrue(a.hold());
        replica("ingest-b", T0).release(); // not the holder: no effect
        assertEquals(Optional.of("ingest-a"), a.currentHolder());
        a.release();
        assertEquals(Optional.empty(), a.currentHolder());
        assertTrue(replica("ingest-b", T0.plusSeconds(1)).hold());
    }

    @Test
    void anExpiredLeaseHasNoHolder() {
        assertTrue(replica("ingest-a", T0).hold());
        assertEquals(Optional.empty(), replica("ingest-b", T0.plus(TTL)).currentHolder());
    }

    @Test
    void aKeeperHoldsTheLeaseUntilItIsClosedAndTheOtherReplicaThenTakesIt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Lease a = new Lease(leases, "map-builder", "embedding-a", TTL, Clock.systemUTC());
        Lease b = new Lease(leases, "map-builder", "embedding-b", TTL, Clock.systemUTC());
        try (LeaseKeeper keeperA = LeaseKeeper.start(a, Duration.ofSeconds(10), registry)) {
            assertTrue(keeperA.hold());
            assertEquals(1.0, registry.get(LeaseKeeper.GAUGE).tag("lease", "map-builder").gauge().value());
            assertFalse(b.hold());
            assertEquals("embedding-a", keeperA.holderOrNone());
        }
        assertEquals(0.0, registry.get(LeaseKeeper.GAUGE).tag("lease", "map-builder").gauge().value());
        assertEquals(Optional.empty(), b.currentHolder());
        assertTrue(b.hold());
    }

    @Test
    void aKeeperMustRenewWithinTheTtl() {
        Lease a = new Lease(leases, "map-builder", "embedding-a", TTL, Clock.systemUTC());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeaseKeeper.start(a, TTL, new SimpleMeterRegistry()));
        assertEquals("lease map-builder: renewing every PT30S lets it expire (ttl PT30S)", e.getMessage());
    }

    @Test
    void aLeaseNeedsAPositiveTtl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Lease(leases, "map-builder", "x", Duration.ZERO, Clock.systemUTC()));
        assertEquals("lease map-builder: ttl must be positive, got PT0S", e.getMessage());
    }
}
