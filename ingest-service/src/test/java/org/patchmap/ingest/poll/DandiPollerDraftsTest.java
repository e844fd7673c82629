package org.patchmap.ingest.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.Topics;
import org.patchmap.testing.TestTokens;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code patchmap.dandi.include-drafts=true} a dandiset never published (000297) is polled
 * through its draft; a changed draft is listed again, and only its new asset costs a metadata request.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DandiFakeResource.WithDrafts.class, restrictToAnnotatedClass = true)
class DandiPollerDraftsTest {

    @Test
    void aDraftOnlyDandisetIsPolledThroughItsDraft() throws IOException {
        WireMockServer server = DandiFakeResource.server;
        server.resetAll();
        List<ObjectNode> real = DandiFake.realAssets("000297");
        DandiFake fake = new DandiFake(server).dandiset("000297", "draft", 2, "2025-06-01T00:00:00.000001Z");
        fake.serveListing();
        fake.serveVersion("000297", "draft");
        fake.serveAssets("000297", "draft", real.subList(0, 2));
        KafkaTestClient.Position before = KafkaTestClient.end(Topics.ASSETS);

        JsonPath run = given().auth().oauth2(TestTokens.admin()).post("/api/admin/poll").then().statusCode(200).extract().jsonPath();

        assertEquals(1, run.getInt("dandisetsSelected"));
        assertEquals(2, run.getInt("assetsPublished"));
        // a poll answers once the broker has each of its records: what is on the topic now is all of them
        List<ConsumerRecord<String, String>> records = KafkaTestClient.upToEnd(before, any -> true);
        assertEquals(2, records.size());
        assertEquals("draft", EventJson.read(Topics.ASSETS, records.get(0).value(), AssetEvent.class).provenance().version());

        // The draft changes: a third asset. Listed again; the two known assets cost nothing.
        server.resetAll();
        fake = new DandiFake(server).dandiset("000297", "draft", 3, "2025-07-01T00:00:00.000001Z");
        fake.serveListing();
        fake.serveVersion("000297", "draft");
        fake.serveAssets("000297", "draft", real.subList(0, 3));
        KafkaTestClient.Position between = KafkaTestClient.end(Topics.ASSETS);

        run = given().auth().oauth2(TestTokens.admin()).post("/api/admin/poll").then().statusCode(200).extract().jsonPath();

        assertEquals(1, run.getInt("assetsDiscovered"));
        assertEquals(1, run.getInt("assetsPublished"));
        assertEquals(Map.of(), run.getMap("failuresByReason"));
        assertEquals(1, KafkaTestClient.upToEnd(between, any -> true).size());
        assertEquals(1, server.countRequestsMatching(getRequestedFor(
                urlPathMatching("/api/dandisets/000297/versions/draft/assets/[^/]+/")).build()).getCount());
    }
}
