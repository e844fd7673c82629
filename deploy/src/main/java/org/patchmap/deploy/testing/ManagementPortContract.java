package org.patchmap.deploy.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service's ports serve: health and metrics on the management port only (for the cluster), the API
 * and its description on the public port only. A service's test extends it (a {@code @QuarkusTest}) and names a
 * path its API description must hold.
 */
public abstract class ManagementPortContract {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL publicRoot;
    /** The management interface's root, {@code .../q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** A path of the service's public API, which its OpenAPI document lists. */
    protected abstract String apiPath();

    @Test
    void healthAndMetricsOnlyOnTheManagementPort() throws Exception {
        assertNotEquals(publicRoot.getPort(), management.getPort());
        HttpResponse<String> live = get(management + "health/live");
        assertEquals(200, live.statusCode());
        assertTrue(live.body().replace(" ", "").contains("\"status\":\"UP\""), live.body());
        HttpResponse<String> metrics = get(management + "metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE jvm_memory_used_bytes gauge"));
        for (String path : List.of("q/health", "q/health/live", "q/health/ready", "q/metrics")) {
            assertEquals(404, get(publicRoot + path).statusCode(), path);
        }
    }

    @Test
    void apiDescriptionOnlyOnThePublicPort() throws Exception {
        HttpResponse<String> openapi = get(publicRoot + "q/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains(apiPath()), apiPath());
        assertEquals(404, get(management + "openapi").statusCode());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
