package org.patchmap.ingest.dandi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's DandiClient is built from application.properties' defaults. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class DandiClientBeanTest {
    /** The management interface's root, {@code .../q/}: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;
    @Inject
    DandiClient client;

    @Test
    void configuredFromTheDefaults() {
        DandiClient.Settings s = client.settings();
        assertEquals("https://api.dandiarchive.org/api/", s.apiUrl().toString());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(Duration.ofSeconds(60), s.requestTimeout());
        assertEquals(5, s.maxAttempts());
        assertEquals(Duration.ofSeconds(1), s.backoffInitial());
        assertEquals(Duration.ofSeconds(60), s.backoffMax());
        assertEquals(Duration.ofMinutes(5), s.retryAfterMax());
        assertEquals(4, s.maxConcurrentRequests());
        assertEquals(100, s.pageSize());
    }

    @Test
    void itsMetersAreOnTheMetricsPage() {
        assertEquals(100, client.settings().pageSize());
        given().get(management + "metrics").then().statusCode(200)
                .body(containsString("patchmap_dandi_download_bytes_total"))
                .body(containsString("patchmap_dandi_download_seconds_count"));
    }
}
