package org.patchmap.ingest.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.testing.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * UPLOADS_REQUIRE_LOGIN=true: an upload needs a bearer token with role user or admin (401 without a valid one, 403
 * with neither role); reading an upload's status stays public. The uploads carry no file, so nothing is stored: an
 * upload let through gets the service's own 400.
 */
@QuarkusTest
@TestProfile(UploadLoginTest.UploadsRequireLogin.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class UploadLoginTest {
    static final String NO_FILE = "multipart form field 'file' is missing";

    public static class UploadsRequireLogin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("UPLOADS_REQUIRE_LOGIN", "true");
        }
    }

    @Test
    void anUploadNeedsASignedInUser() {
        given().multiPart("note", "no file here").post("/api/uploads").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.foreign(TestTokens.USER)).multiPart("note", "no file here")
                .post("/api/uploads").then().statusCode(401);
        given().auth().oauth2(TestTokens.withRoles("guest")).multiPart("note", "no file here")
                .post("/api/uploads").then().statusCode(403);
        for (String role : new String[]{TestTokens.USER, TestTokens.ADMIN}) {
            given().auth().oauth2(TestTokens.withRoles(role)).multiPart("note", "no file here").post("/api/uploads")
                    .then().statusCode(400).body("error", equalTo(NO_FILE));
        }
    }

    @Test
    void anUploadsStatusStaysPublic() {
        given().get("/api/uploads/no-such-upload").then().statusCode(404).body("error", equalTo("no upload no-such-upload"));
    }
}
