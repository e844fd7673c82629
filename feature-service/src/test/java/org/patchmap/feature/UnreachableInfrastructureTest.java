package org.patchmap.feature;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Readiness is DOWN while neither Kafka nor MongoDB answers (ports where nothing listens). */
@QuarkusTest
@TestProfile(UnreachableInfrastructureTest.Unreachable.class)
class UnreachableInfrastructureTest {
    /** The management interface's root, {@code .../q/}: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "localhost:" + closedPort(),
                    "quarkus.mongodb.connection-string", "mongodb://localhost:" + closedPort(),
                    "quarkus.mongodb.server-selection-timeout", "1s");
        }

        private static int closedPort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort(); // closed again when this returns: nothing listens there
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void notReadyWithoutKafkaAndMongo() {
        given().get(management + "health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.name", hasItems("MongoDB connection health check",
                        "SmallRye Reactive Messaging - readiness check"))
                .body("checks.find { it.name == 'MongoDB connection health check' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.status",
                        equalTo("DOWN"));
    }
}
