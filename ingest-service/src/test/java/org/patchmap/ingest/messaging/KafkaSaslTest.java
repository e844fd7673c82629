package org.patchmap.ingest.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.deploy.testing.SaslInfrastructureTestResource;
import org.patchmap.deploy.testing.TestInfrastructure;
import org.patchmap.events.Topics;
import org.patchmap.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ingest-service on the broker's SASL_PLAINTEXT listener, signed in by SCRAM-SHA-512 from the KAFKA_* settings
 * an operator sets: its consumer, its dead-letter producer and the dead-letter listing all authenticate.
 */
@QuarkusTest
@QuarkusTestResource(value = SaslInfrastructureTestResource.class, restrictToAnnotatedClass = true)
class KafkaSaslTest {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Test
    void theServiceSignsInFromItsSettings() {
        assertEquals(TestInfrastructure.get().kafkaSaslBootstrapServers(), kafka.get("bootstrap.servers"));
        assertEquals("SASL_PLAINTEXT", kafka.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", kafka.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"patchmap-test\" "
                + "password=\"patchmap-test-secret\";", kafka.get("sasl.jaas.config"));
    }

    @Test
    void aBadRecordIsDeadLetteredAndListedOverSasl() {
        String key = "sasl-" + UUID.randomUUID();
        KafkaTestClient.Position before = KafkaTestClient.end(Topics.deadLetter(Topics.ASSETS));
        KafkaTestClient.send(Topics.ASSETS, key, "{\"schemaVersion\":1,\"saslTest\":true}");

        assertEquals(1, KafkaTestClient.await(before, r -> key.equals(r.key()), 1).size());
        List<String> keys = given().auth().oauth2(TestTokens.admin()).queryParam("topic", Topics.ASSETS)
                .queryParam("limit", 1000).get("/api/admin/dead-letters").then().statusCode(200)
                .body("letters.key", hasItem(key)).extract().jsonPath().getList("letters.key");
        assertEquals(1, keys.stream().filter(key::equals).count());
    }
}
