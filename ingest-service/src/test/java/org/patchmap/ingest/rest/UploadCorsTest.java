package org.patchmap.ingest.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * CORS for the atlas page on another origin (as {@code bin/stack} sets it: CORS_ENABLED, CORS_ORIGINS with
 * embedding-service's origins): an allowed origin gets {@code Access-Control-Allow-Origin} on the multipart upload
 * and its preflight, any other origin gets no such header and a 403. The upload carries no file, so nothing is
 * stored: the answer is the service's own 400.
 */
@QuarkusTest
@TestProfile(UploadCorsTest.AtlasPageOrigins.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class UploadCorsTest {
    static final String PAGE = "http://localhost:8080";
    static final String PAGE_BY_ADDRESS = "http://127.0.0.1:8080";
    static final String OTHER = "http://localhost:9000";
    static final String NO_FILE = "multipart form field 'file' is missing";

    /** The variables bin/stack sets for a page served by embedding-service on port 8080. */
    public static class AtlasPageOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("CORS_ENABLED", "true", "CORS_ORIGINS", PAGE + "," + PAGE_BY_ADDRESS);
        }
    }

    @Test
    void anAllowedOriginReadsTheAnswerToItsUpload() {
        for (String origin : new String[]{PAGE, PAGE_BY_ADDRESS}) {
            given().header("Origin", origin).multiPart("note", "no file here").post("/api/uploads").then()
                    .statusCode(400).header("Access-Control-Allow-Origin", equalTo(origin))
                    .header("Access-Control-Expose-Headers", containsString("Location"))
                    .body("error", equalTo(NO_FILE));
        }
    }

    @Test
    void theMultipartPostsPreflightIsAllowedForThePage() {
        given().header("Origin", PAGE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options("/api/uploads").then()
                .statusCode(200).header("Access-Control-Allow-Origin", equalTo(PAGE))
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    @Test
    void anotherOriginGetsNoCorsHeader() {
        given().header("Origin", OTHER).multiPart("note", "no file here").post("/api/uploads").then()
                .statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", OTHER).header("Access-Control-Request-Method", "POST").options("/api/uploads")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        // a client that sends no Origin (curl, the launcher) is not concerned
        given().multiPart("note", "no file here").post("/api/uploads").then().statusCode(400)
                .header("Access-Control-Allow-Origin", nullValue()).body("error", equalTo(NO_FILE));
    }
}
