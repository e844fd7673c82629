package org.patchmap.embedding;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;

import java.net.URL;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Health and metrics answer on the management port (for the cluster); the public port serves the API only. */
@QuarkusTest
@TestProfile(MapTestProfile.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class ManagementPortTest {
    @TestHTTPResource("/")
    URL publicRoot;
    /** The management interface's root, {@code .../q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void healthAndMetricsOnlyOnTheManagementPort() {
        assertNotEquals(publicRoot.getPort(), management.getPort());
        given().get(management + "health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/metrics")) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void apiDescriptionOnlyOnThePublicPort() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/maps/current"));
        given().get(management + "openapi").then().statusCode(404);
    }
}
