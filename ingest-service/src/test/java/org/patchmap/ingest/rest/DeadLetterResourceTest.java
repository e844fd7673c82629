package org.patchmap.ingest.rest;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.Sha256;
import org.patchmap.events.Topics;
import org.patchmap.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dead letters made by ingest-service itself (records its ledger refuses), listed and replayed through the
 * admin endpoints on the real broker.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class DeadLetterResourceTest {
    /** The management interface's root, {@code .../q/}: metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final String DLQ = Topics.deadLetter(Topics.ASSETS);

    @Test
    void withoutATokenOrWithoutRoleAdminNothingIsListedOrReplayed() {
        given().queryParam("topic", Topics.ASSETS).get("/api/admin/dead-letters").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").body("error", equalTo(AuthRefusals.NO_TOKEN));
        given().contentType(ContentType.JSON).body(Map.of("topic", DLQ, "offsets", List.of(0)))
                .post("/api/admin/dead-letters/replay").then().statusCode(401);
        given().auth().oauth2(TestTokens.withRoles(TestTokens.USER)).queryParam("topic", Topics.ASSETS)
                .get("/api/admin/dead-letters").then().statusCode(403).body("error", equalTo(AuthRefusals.NO_ROLE));
        given().auth().oauth2(TestTokens.withRoles(TestTokens.USER)).contentType(ContentType.JSON)
                .body(Map.of("topic", DLQ, "offsets", List.of(0)))
                .post("/api/admin/dead-letters/replay").then().statusCode(403).body("error", equalTo(AuthRefusals.NO_ROLE));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("topic", DLQ))
                .post("/api/admin/dead-letters/replay").then().statusCode(400)
                .body("error", equalTo("name the letters to replay: \"offsets\" or \"letters\""));
    }

    @Test
    void twoLettersGoBackWithTheirKeysAndValuesAndATruncatedOneIsRefused() {
        String run = UUID.randomUUID().toString();
        String keyA = "replay-a-" + run;
        String keyB = "replay-b-" + run;
        String keyHuge = "replay-huge-" + run;
        String valueA = "{\"schemaVersion\":1,\"replayTest\":\"a\"}";
        String valueB = "{\"schemaVersion\":1,\"replayTest\":\"b\"}";
        String huge = "{\"schemaVersion\":1,\"pad\":\"" + "x".repeat(524_000 - 28) + "\"}";
        assertEquals(524_000, huge.getBytes(StandardCharsets.UTF_8).length);
        Set<String> ours = Set.of(keyA, keyB, keyHuge);
        KafkaTestClient.Position lettersBefore = KafkaTestClient.end(DLQ);
        KafkaTestClient.send(Topics.ASSETS, keyA, valueA);
        KafkaTestClient.send(Topics.ASSETS, keyB, valueB);
        KafkaTestClient.send(Topics.ASSETS, keyHuge, huge);
        assertEquals(3, KafkaTestClient.await(lettersBefore, r -> ours.contains(r.key()), 3).size());

        JsonPath listing = given().auth().oauth2(TestTokens.admin()).queryParam("topic", Topics.ASSETS)
                .queryParam("limit", 1000).get("/api/admin/dead-letters").then().statusCode(200)
                .body("topic", equalTo(DLQ)).extract().jsonPath();
        Map<String, Object> a = letter(listing, keyA);
        Map<String, Object> b = letter(listing, keyB);
        Map<String, Object> h = letter(listing, keyHuge);
        assertEquals(false, a.get("truncated"));
        assertEquals(true, h.get("truncated"));
        assertEquals(524_000, h.get("failedRecordBytes"));
        assertEquals("ingest-service", a.get("service"));
        assertEquals(Topics.ASSETS, a.get("topic"));

        KafkaTestClient.Position assetsBefore = KafkaTestClient.end(Topics.ASSETS);
        KafkaTestClient.Position againBefore = KafkaTestClient.end(DLQ);
        JsonPath answer = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("topic", DLQ, "letters", List.of(address(a), address(h), address(b))))
                .post("/api/admin/dead-letters/replay").then().statusCode(200)
                .body("replayed", equalTo(2)).body("refused", equalTo(1))
                .body("letters.outcome", equalTo(List.of("replayed", "refused", "replayed")))
                .extract().jsonPath();
        assertEquals("failed record truncated: 524000 bytes, sha256 " + Sha256.hex(huge.getBytes(StandardCharsets.UTF_8))
                        + "; replay it from patchmap.assets partition " + h.get("partition") + " offset " + h.get("offset"),
                answer.getString("letters[1].reason"));

        List<ConsumerRecord<String, String>> back = KafkaTestClient.upToEnd(assetsBefore, r -> ours.contains(r.key()));
        assertEquals(2, back.size());
        for (ConsumerRecord<String, String> r : back) {
            Map<String, Object> from = r.key().equals(keyA) ? a : b;
            assertEquals(r.key().equals(keyA) ? valueA : valueB, r.value());
            assertEquals(DLQ + "[" + from.get("dlqPartition") + "]@" + from.get("dlqOffset"),
                    new String(r.headers().lastHeader("patchmap-replayed-from").value(), StandardCharsets.UTF_8));
        }
        assertTrue(given().get(management + "metrics").asString()
                .contains("patchmap_dead_letters_replayed_total{topic=\"patchmap.assets\"} 2.0"));

        // Still bad, the replayed records are dead-lettered again as the new records they are: the reason is
        // theirs, not a crash count (their attempts are counted under their new offsets).
        List<ConsumerRecord<String, String>> again = KafkaTestClient.await(againBefore,
                r -> r.key().equals(keyA) || r.key().equals(keyB), 2);
        assertEquals(2, again.size());
        for (ConsumerRecord<String, String> r : again) {
            DeadLetterEvent letter = EventJson.read(DLQ, r.value(), DeadLetterEvent.class);
            Map<String, Object> first = r.key().equals(keyA) ? a : b;
            assertEquals(first.get("reason"), letter.reason());
            assertFalse(letter.reason().contains("crashed the consumer"));
            ConsumerRecord<String, String> replayed = back.stream().filter(x -> x.key().equals(r.key())).findFirst().orElseThrow();
            assertEquals(replayed.offset(), letter.offset());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> letter(JsonPath listing, String key) {
        List<Map<String, Object>> letters = listing.getList("letters");
        List<Map<String, Object>> found = letters.stream().filter(l -> key.equals(l.get("key"))).toList();
        assertEquals(1, found.size(), key);
        return found.get(0);
    }

    private static Map<String, Object> address(Map<String, Object> letter) {
        return Map.of("partition", letter.get("dlqPartition"), "offset", letter.get("dlqOffset"));
    }
}
