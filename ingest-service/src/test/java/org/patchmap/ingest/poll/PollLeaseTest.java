package org.patchmap.ingest.poll;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.messaging.store.Lease;

import java.net.URL;
import java.time.Instant;
import java.util.Date;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduled poll runs only on the replica holding the {@code dandi-poller} lease: while another
 * replica's unexpired lease is in MongoDB this one skips its polls; once that lease is released or
 * expired, it takes the lease and polls.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DandiFakeResource.WithLease.class, restrictToAnnotatedClass = true)
class PollLeaseTest {
    /** The management interface's root, {@code .../q/}: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;
    @Inject
    PollSchedule schedule;

    @Inject
    PollLease lease;

    @Inject
    MongoDatabase database;

    private long listings(WireMockServer server) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/dandisets/")).build()).getCount();
    }

    @Test
    void onlyTheHolderOfTheLeaseRunsTheScheduledPoll() {
        WireMockServer server = DandiFakeResource.server;
        server.resetAll();
        new DandiFake(server).serveListing();
        MongoCollection<Document> leases = database.getCollection(Lease.COLLECTION);
        leases.deleteMany(new Document());
        leases.insertOne(new Document("_id", PollLease.JOB).append("holder", "ingest-other-0a1b2c")
                .append("expiresAt", Date.from(Instant.now().plusSeconds(3600))));

        schedule.poll();
        lease.hold();

        assertEquals(0, listings(server));
        given().get(management + "metrics").then().statusCode(200).body(containsString("patchmap_lease_held{lease=\"dandi-poller\"} 0.0"));
        assertEquals("ingest-other-0a1b2c", lease.holderOrNone());

        // the other replica stops cleanly: its lease is released
        leases.deleteOne(new Document("_id", PollLease.JOB));
        schedule.poll();

        assertEquals(1, listings(server));
        Document held = leases.find(new Document("_id", PollLease.JOB)).first();
        assertTrue(held.getString("holder").matches("ingest-test-[0-9a-f]{6}"), held.toJson());
        given().get(management + "metrics").then().statusCode(200).body(containsString("patchmap_lease_held{lease=\"dandi-poller\"} 1.0"));

        // the holder renews even a lease that has just expired, if no other replica took it
        leases.updateOne(new Document("_id", PollLease.JOB),
                new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(1)))));
        lease.hold();
        Document renewed = leases.find().first();
        assertEquals(held.getString("holder"), renewed.getString("holder"));
        assertTrue(renewed.getDate("expiresAt").toInstant().isAfter(Instant.now().plusSeconds(20)), renewed.toJson());
    }
}
