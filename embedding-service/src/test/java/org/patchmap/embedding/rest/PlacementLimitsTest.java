package org.patchmap.embedding.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.embedding.PlacementLimitsProfile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-client placement limits at their defaults (30 a minute, 2 at once) over real HTTP, each test a client of
 * its own ({@code X-Forwarded-For}, trusted in this setting): the 31st placement in a minute and a third one at
 * once answer 429 with {@code Retry-After}. The application has no map: a placement answers 404 and still takes
 * its token.
 */
@QuarkusTest
@TestProfile(PlacementLimitsProfile.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class PlacementLimitsTest {
    private static final String FEATURES = "{\"features\": {\"input_resistance\": 150.0}}";

    @TestHTTPResource("/")
    URL base;

    @Inject
    MeterRegistry registry;

    private double refused(String reason) {
        return registry.get("patchmap.placements.refused").tag("reason", reason).counter().count();
    }

    private static Response place(String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(FEATURES)
                .post("/api/placements");
    }

    @Test
    void theThirtyFirstPlacementInAMinuteIsRefused() {
        for (int i = 0; i < 30; i++) {
            place("203.0.113.1, 10.0.0.1").then().statusCode(404).body("error", equalTo(MapResource.NO_MAP));
        }
        Response thirtyFirst = place("203.0.113.1");
        assertEquals(429, thirtyFirst.statusCode());
        long retryAfter = Long.parseLong(thirtyFirst.header("Retry-After"));
        // one token every 2 s; the 30 took well under that
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        assertEquals("too many placements: at most 30 a minute from one client (PLACEMENT_RATE_PER_MINUTE); "
                + "try again in " + retryAfter + " s", thirtyFirst.jsonPath().getString("error"));
        assertEquals(1.0, refused("rate"));
        // the proxy's own address, the second hop, is not the client: another client is not limited
        place("203.0.113.2, 10.0.0.1").then().statusCode(404);
    }

    @Test
    void aThirdPlacementAtOnceIsRefusedUntilOneEnds() throws Exception {
        String client = "203.0.113.3";
        try (Socket first = startPlacement(client); Socket second = startPlacement(client)) {
            Eventually.until("two placements in progress", () -> inProgress() == 2);
            place(client).then().statusCode(429).header("Retry-After", equalTo("1"))
                    .body("error", equalTo("too many placements at once: at most 2 in progress from one client "
                            + "(PLACEMENT_CONCURRENT_PER_CLIENT); try again in 1 s"));
            assertEquals(1.0, refused("concurrency"));
            place("203.0.113.4").then().statusCode(404);
        }
        // the two connections closed mid-body: their placements are over
        Eventually.until("no placement in progress", () -> inProgress() == 0);
        place(client).then().statusCode(404);
    }

    /** Opens {@code POST /api/placements} declaring a body of 1,000 bytes and sends its first byte only. */
    private Socket startPlacement(String client) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout((int) Eventually.HANG_GUARD.toMillis());
        String head = "POST /api/placements HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 1000\r\n"
                + "X-Forwarded-For: " + client + "\r\n"
                + "\r\n{";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private int inProgress() {
        return (int) registry.get("patchmap.placements.in.progress").gauge().value();
    }
}
