package org.patchmap.ingest.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;

import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-client upload limits at their defaults (10 a minute, 2 at once) over real HTTP, each test
 * as a client of its own ({@code X-Forwarded-For}, trusted in this setting): the 11th upload in a
 * minute and a third concurrent one answer 429 with {@code Retry-After}; a body declared at 250 MB
 * answers 413 from its headers alone (the test sends a few bytes of it and reads the answer, which
 * would never come if the server waited for the rest), and one declared at 150 MB, within the size
 * limit but not within this setting's 100 MB disk budget, answers 507 likewise. CORS is on for the
 * atlas page's origin, which can read the refusals.
 */
@QuarkusTest
@TestProfile(UploadLimitsTest.DefaultLimits.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class UploadLimitsTest {
    static final String NO_FILE = "multipart form field 'file' is missing";

    /**
     * The production limits (the test setting turns them off for the other classes), behind a trusted
     * proxy; a disk budget of 100 MB.
     */
    public static class DefaultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.patchmap.ingest.upload-rate-per-minute", "10",
                    "%test.patchmap.ingest.upload-concurrent-per-client", "2",
                    "patchmap.ingest.upload-trust-forwarded", "true",
                    "patchmap.ingest.disk-budget", "100M",
                    "CORS_ENABLED", "true", "CORS_ORIGINS", UploadCorsTest.PAGE);
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    MeterRegistry registry;

    @TempDir
    Path tmp;

    private double refused(String reason) {
        return registry.get("patchmap.uploads.refused").tag("reason", reason).counter().count();
    }

    @Test
    void theEleventhUploadInAMinuteIsRefusedUntilATokenIsBack() throws Exception {
        // Files refused for their content: the limit counts uploads whatever their outcome, and these
        // are quick, so the ten stay well within the 6 s a token takes to come back.
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello, this is not a recording\n");
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", "198.51.100.1, 10.0.0.1").multiPart("file", text.toFile())
                    .post("/api/uploads").then().statusCode(415);
        }
        Response eleventh = given().header("X-Forwarded-For", "198.51.100.1").multiPart("file", text.toFile())
                .post("/api/uploads");
        assertEquals(429, eleventh.statusCode());
        long retryAfter = Long.parseLong(eleventh.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 6, "Retry-After " + retryAfter);
        assertEquals("too many uploads: at most 10 a minute from one client (UPLOAD_RATE_PER_MINUTE); "
                + "try again in " + retryAfter + " s", eleventh.jsonPath().getString("error"));
        assertEquals(1.0, refused("rate"));
        // the proxy's own address, the second hop, is not the client: another client is not limited
        given().header("X-Forwarded-For", "198.51.100.2, 10.0.0.1").multiPart("file", text.toFile())
                .post("/api/uploads").then().statusCode(415);
    }

    @Test
    void aThirdUploadAtOnceIsRefusedUntilOneEnds() throws Exception {
        String client = "198.51.100.3";
        try (Socket first = RawHttp.startUpload(base, client, 100_000);
             Socket second = RawHttp.startUpload(base, client, 100_000)) {
            Eventually.until("two uploads in progress", () -> inProgress() == 2);
            // the atlas page on another origin can read why
            given().header("X-Forwarded-For", client).header("Origin", UploadCorsTest.PAGE)
                    .multiPart("other", "x").post("/api/uploads").then()
                    .statusCode(429).header("Retry-After", equalTo("5"))
                    .header("Access-Control-Allow-Origin", equalTo(UploadCorsTest.PAGE))
                    .body("error", equalTo("too many uploads at once: at most 2 in progress from one client "
                            + "(UPLOAD_CONCURRENT_PER_CLIENT); try again in 5 s"));
            assertEquals(1.0, refused("concurrency"));
            // another client is not concerned
            given().header("X-Forwarded-For", "198.51.100.4").multiPart("other", "x").post("/api/uploads").then()
                    .statusCode(400).body("error", equalTo(NO_FILE));
        }
        // the two connections closed mid-body: their uploads are over
        Eventually.until("no upload in progress", () -> inProgress() == 0);
        given().header("X-Forwarded-For", client).multiPart("other", "x").post("/api/uploads").then()
                .statusCode(400).body("error", equalTo(NO_FILE));
    }

    @Test
    void a250MegabyteBodyIsRefusedFromItsDeclaredLengthBeforeItIsRead() throws Exception {
        try (Socket upload = RawHttp.startUpload(base, "198.51.100.5", 250_000_000L)) {
            RawHttp.Answer answer = RawHttp.read(upload);
            assertEquals(413, answer.status());
            assertEquals("upload: 250000000 bytes, over the upload limit of 200 MiB (209715200 bytes, "
                    + "INGEST_UPLOAD_MAX_SIZE)", new JsonPath(answer.body()).getString("error"));
        }
    }

    @Test
    void a150MegabyteBodyOverTheDiskBudgetIsRefusedFromItsDeclaredLength() throws Exception {
        try (Socket upload = RawHttp.startUpload(base, "198.51.100.6", 150_000_000L)) {
            RawHttp.Answer answer = RawHttp.read(upload);
            assertEquals(507, answer.status());
            // the bytes in use are whatever other test classes left in the shared test folder
            assertTrue(new JsonPath(answer.body()).getString("error").matches("no room for the upload now: upload "
                    + "needs 150000000 bytes, \\d+ of the 104857600-byte disk budget \\(INGEST_DISK_BUDGET\\) are in use"),
                    answer.body());
        }
    }

    private int inProgress() {
        return (int) registry.get("patchmap.uploads.in.progress").gauge().value();
    }
}
