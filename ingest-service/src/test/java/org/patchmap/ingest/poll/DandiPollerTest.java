package org.patchmap.ingest.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.events.Topics;
import org.patchmap.testing.TestTokens;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The poller against a fake DANDI answering with the real metadata, the real broker and the
 * MongoDB-wire server: what a first run publishes, that an unchanged second run costs only the
 * listing, that a new version publishes only its changed asset, that a failing dandiset does not
 * stop the run, and that a second request during a run is refused. The tests build on each
 * other's state, in order.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DandiFakeResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DandiPollerTest {
    /** The management interface's root, {@code .../q/}: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;
    private static final String V8 = "0.211014.0809";
    private static final String V8_NEW = "0.230101.1200";
    private static final String V109 = "0.210914.1904";
    private static final String MODIFIED = "2025-06-01T10:11:12.123456Z";

    @Inject
    MongoClient mongo;

    @Inject
    DandiPoller poller;

    private WireMockServer server;

    @BeforeEach
    void reset() {
        server = DandiFakeResource.server;
        server.resetAll();
    }

    /** 000008 (4 assets), 000109 (3 assets, the first larger than the 15 MB limit), and three not to select. */
    @Test
    @Order(7)
    void twoNewAssetsWithOneDigestPolledAtOnceArePublishedOnce() throws IOException {
        String newer = "0.240101.1200";
        DandiFake fake = listing(newer);
        fake.serveListing();
        fake.serveVersion("000008", newer);
        List<ObjectNode> assets = new ArrayList<>(DandiFake.realAssets("000008").subList(0, 4));
        // Two new asset ids under new paths with one new content: the poll handles them in parallel.
        for (int k = 0; k < 2; k++) {
            ObjectNode twin = assets.get(1).deepCopy();
            twin.put("asset_id", "5e1f0a4e-0000-4000-8000-00000000010" + k);
            twin.put("path", "sub-mouse-AAYYT/twin_" + k + "_icephys.nwb");
            ((ObjectNode) twin.get("metadata").get("digest")).put("dandi:sha2-256",
                    "00000000000000000000000000000000000000000000000000000000000000bb");
            assets.add(twin);
        }
        fake.serveAssets("000008", newer, assets);
        KafkaTestClient.Position before = KafkaTestClient.end(Topics.ASSETS);

        JsonPath run = poll();

        assertEquals(6, run.getInt("assetsDiscovered"));
        assertEquals(1, run.getInt("assetsPublished"));
        assertEquals(5, run.getInt("assetsReused"));
        List<AssetEvent> events = published(before);
        assertEquals(1, events.size());
        String publishedKey = "000008/" + newer + "/" + events.get(0).provenance().assetId();
        Document other = null;
        for (int k = 0; k < 2; k++) {
            Document e = assetEntry("000008/" + newer + "/5e1f0a4e-0000-4000-8000-00000000010" + k);
            if (!e.getString("_id").equals(publishedKey)) {
                other = e;
            }
        }
        assertEquals("reused", other.getString("status"));
        assertEquals(publishedKey, other.getString("reusedFrom"));
    }

    private DandiFake listing(String v8) throws IOException {
        DandiFake fake = new DandiFake(server)
                .dandiset("000003", null, 10, MODIFIED)
                .dandiset("000004", null, 10, MODIFIED)
                .dandiset("000008", v8, 4, MODIFIED)
                .dandiset("000109", null, 3, MODIFIED)
                .dandiset("000297", null, 118, MODIFIED);
        fake.serveVersion("000003", "0.230629.1955");
        fake.serveVersion("000004", "0.220126.1852");
        fake.serveVersion("000008", V8);
        fake.serveVersion("000109", V109);
        fake.serveAssets("000008", V8, DandiFake.realAssets("000008").subList(0, 4));
        fake.serveAssets("000109", V109, DandiFake.realAssets("000109").subList(0, 3));
        return fake;
    }

    private static JsonPath poll() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).post("/api/admin/poll").then().statusCode(200)
                .extract().jsonPath();
    }

    /**
     * The records the poller put on patchmap.assets after {@code before}: all of them, and nothing more to
     * come, since a poll answers only once the broker acknowledged each record.
     */
    private static List<AssetEvent> published(KafkaTestClient.Position before) {
        List<AssetEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : KafkaTestClient.upToEnd(before, any -> true)) {
            AssetEvent e = EventJson.read(Topics.ASSETS, r.value(), AssetEvent.class);
            assertEquals(e.fileKey(), r.key());
            events.add(e);
        }
        return events;
    }

    private int requests(String pathRegex) {
        return server.countRequestsMatching(getRequestedFor(urlPathMatching(pathRegex)).build()).getCount();
    }

    private int assetMetadataRequests() {
        return requests("/api/dandisets/[0-9]+/versions/[^/]+/assets/[^/]+/");
    }

    private int versionRequests() {
        return requests("/api/dandisets/[0-9]+/versions/[^/]+/");
    }

    private int assetListRequests() {
        return requests("/api/dandisets/[0-9]+/versions/[^/]+/assets/");
    }

    private Document assetEntry(String id) {
        return mongo.getDatabase("patchmap-poller-test").getCollection("dandi_assets").find(Filters.eq("_id", id)).first();
    }

    private Document dandisetEntry(String id) {
        return mongo.getDatabase("patchmap-poller-test").getCollection("dandisets").find(Filters.eq("_id", id)).first();
    }

    /** A poll needs a bearer token with role admin: anything less is refused before DANDI is asked. */
    @Test
    @Order(0)
    void aPollWithoutAnAdminTokenIsRefusedAndAsksNothing() throws IOException {
        listing(V8).serveListing();
        given().post("/api/admin/poll").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error", equalTo("this request needs a valid bearer token (Authorization: Bearer ...)"));
        given().auth().oauth2("not.a.token").post("/api/admin/poll").then().statusCode(401);
        given().auth().oauth2(TestTokens.foreign(TestTokens.ADMIN)).post("/api/admin/poll").then().statusCode(401);
        given().auth().oauth2(TestTokens.withRoles(TestTokens.USER)).post("/api/admin/poll").then().statusCode(403)
                .body("error", equalTo("the bearer token lacks the role this request needs"));
        assertEquals(0, server.getAllServeEvents().size());
        assertTrue(poller.last().isEmpty());
        // reading stays public, whatever token comes with it
        given().auth().oauth2("not.a.token").get("/api/status").then().statusCode(200).body("running", equalTo(false));
    }

    @Test
    @Order(1)
    void aFirstRunSelectsTheIcephysDandisetsAndPublishesTheirNwbAssets() throws IOException {
        listing(V8).serveListing();
        KafkaTestClient.Position before = KafkaTestClient.end(Topics.ASSETS);

        JsonPath run = poll();

        assertEquals("request", run.getString("trigger"));
        assertEquals(5, run.getInt("dandisetsSeen"));
        assertEquals(2, run.getInt("dandisetsSelected"));
        assertEquals(7, run.getInt("assetsDiscovered"));
        assertEquals(6, run.getInt("assetsPublished"));
        assertEquals(0, run.getInt("assetsReused"));
        assertEquals(1, run.getInt("assetsSkipped"));
        assertEquals(0, run.getInt("assetsFailed"));
        assertEquals(Map.of(), run.getMap("failuresByReason"));

        List<ObjectNode> a8 = DandiFake.realAssets("000008").subList(0, 4);
        List<ObjectNode> a109 = DandiFake.realAssets("000109").subList(0, 3);
        Set<String> expectedKeys = new TreeSet<>();
        a8.forEach(a -> expectedKeys.add(CellIds.dandiFile("000008", a.get("path").asText())));
        a109.subList(1, 3).forEach(a -> expectedKeys.add(CellIds.dandiFile("000109", a.get("path").asText())));
        List<AssetEvent> events = published(before);
        assertEquals(6, events.size());
        assertEquals(expectedKeys, events.stream().map(AssetEvent::fileKey).collect(Collectors.toCollection(TreeSet::new)));
        AssetEvent first = events.stream().filter(e -> e.provenance().assetId().equals(a8.get(0).get("asset_id").asText()))
                .findFirst().orElseThrow();
        assertEquals("sha2-256:f7ed16993c99eaaf0669e22bcbe624c276d1b2b420d1ebb7310694229c5fe88a", first.digest());
        assertEquals(V8, first.provenance().version());
        assertEquals(9337840, first.sizeBytes());
        // The version's text and summary travel with each asset, trimmed: of its 27 contributors, the one that
        // names the lab (its contact person), with name, roles and affiliations only.
        assertEquals(java.util.Set.of("identifier", "version", "name", "description", "keywords", "assetsSummary",
                "contributor"), first.dandiset().keySet());
        assertEquals(List.of(Map.of("schemaKey", "Person", "name", "Tolias, Andreas Savas",
                "roleName", List.of("dcite:Author", "dcite:ContactPerson"), "affiliation", List.of())),
                first.dandiset().get("contributor"));
        assertEquals("Phenotypic variation within and across transcriptomic cell types in mouse motor cortex",
                first.dandiset().get("name"));

        // The version metadata of the 4 listed published versions (not the draft-only 000297),
        // two asset listings, the metadata of the 6 assets published (not of the skipped one).
        assertEquals(1, requests("/api/dandisets/"));
        assertEquals(4, versionRequests());
        assertEquals(2, assetListRequests());
        assertEquals(6, assetMetadataRequests());

        Document skipped = assetEntry("000109/" + V109 + "/" + a109.get(0).get("asset_id").asText());
        assertEquals("skipped", skipped.getString("status"));
        assertEquals("size 18827277 bytes exceeds patchmap.ingest.max-file-bytes (15000000)", skipped.getString("reason"));
        Document published = assetEntry("000008/" + V8 + "/" + a8.get(0).get("asset_id").asText());
        assertEquals("published", published.getString("status"));
        assertEquals(first.digest(), published.getString("digest"));
        assertEquals(a8.get(0).get("path").asText(), published.getString("path"));

        Document d8 = dandisetEntry("000008");
        assertEquals(true, d8.getBoolean("selected"));
        assertEquals("variableMeasured has CurrentClampSeries", d8.getString("reason"));
        assertEquals(V8, d8.getString("version"));
        assertEquals(1, d8.getList("versionsProcessed", Document.class).size());
        assertEquals("name mentions \"Patch-seq\"", dandisetEntry("000109").getString("reason"));
        assertEquals(false, dandisetEntry("000003").getBoolean("selected"));
        assertEquals("no published version (drafts not included)", dandisetEntry("000297").getString("reason"));

        JsonPath status = given().get("/api/status").then().statusCode(200).extract().jsonPath();
        assertEquals(false, status.getBoolean("running"));
        assertEquals(6, status.getInt("lastRun.assetsPublished"));
        assertEquals(6L, status.getLong("backlog"));
        assertEquals(List.of("000008", "000109", "000003", "000004", "000297"), status.getList("dandisets.id"));
        assertEquals(4, status.getInt("dandisets[0].assetsDone"));
        assertEquals(4, status.getInt("dandisets[0].assetsTotal"));
        assertEquals(3, status.getInt("dandisets[1].assetsDone")); // skipped counts as done
        assertEquals(3, status.getInt("dandisets[1].assetsTotal"));

        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("patchmap_dandisets_total{outcome=\"selected\"} 2.0"), metrics);
        assertTrue(metrics.contains("patchmap_dandisets_total{outcome=\"not_selected\"} 3.0"));
        assertTrue(metrics.contains("patchmap_dandi_assets_total{outcome=\"published\"} 6.0"));
        assertTrue(metrics.contains("patchmap_dandi_assets_total{outcome=\"skipped\"} 1.0"));
        assertTrue(metrics.contains("patchmap_dandi_backlog 6.0"));
        assertTrue(metrics.contains("patchmap_dandi_poll_duration_seconds_count 1.0"));
    }

    @Test
    @Order(2)
    void aSecondRunWithNothingChangedOnlyReadsTheListing() throws IOException {
        listing(V8).serveListing();
        KafkaTestClient.Position before = KafkaTestClient.end(Topics.ASSETS);

        JsonPath run = poll();

        assertEquals(5, run.getInt("dandisetsSeen"));
        assertEquals(2, run.getInt("dandisetsSelected"));
        assertEquals(0, run.getInt("assetsDiscovered"));
        assertEquals(0, run.getInt("assetsPublished"));
        assertEquals(List.of("unchanged", "unchanged"), run.getList("dandisets.state"));
        assertEquals(1, requests("/api/dandisets/"));
        assertEquals(0, versionRequests());
        assertEquals(0, assetListRequests());
        assertEquals(0, assetMetadataRequests());
        assertEquals(0, published(before).size());
    }

    @Test
    @Order(3)
    void aNewVersionPublishesOnlyItsChangedAsset() throws IOException {
        DandiFake fake = listing(V8_NEW);
        fake.serveListing();
        fake.serveVersion("000008", V8_NEW);
        List<ObjectNode> assets = new ArrayList<>(DandiFake.realAssets("000008").subList(0, 4));
        // Asset 2 was replaced: a new asset id (DANDI assets are immutable) with another digest.
        ObjectNode changed = assets.get(2).deepCopy();
        changed.put("asset_id", "5e1f0a4e-0000-4000-8000-000000000002");
        ((ObjectNode) changed.get("metadata").get("digest")).put("dandi:sha2-256",
                "00000000000000000000000000000000000000000000000000000000000000aa");
        assets.set(2, changed);
        // A copy of asset 0 under another path: a new asset id, the same digest.
        ObjectNode moved = assets.get(0).deepCopy();
        moved.put("asset_id", "5e1f0a4e-0000-4000-8000-000000000005");
        moved.put("path", "sub-mouse-AAYYT/moved_icephys.nwb");
        assets.add(moved);
        fake.serveAssets("000008", V8_NEW, assets);
        KafkaTestClient.Position before = KafkaTestClient.end(Topics.ASSETS);

        JsonPath run = poll();

        assertEquals(5, run.getInt("assetsDiscovered"));
        assertEquals(1, run.getInt("assetsPublished"));
        assertEquals(4, run.getInt("assetsReused"));
        assertEquals(0, run.getInt("assetsSkipped"));
        List<AssetEvent> events = published(before);
        assertEquals(1, events.size());
        assertEquals(CellIds.dandiFile("000008", changed.get("path").asText()), events.get(0).fileKey());
        assertEquals("sha2-256:00000000000000000000000000000000000000000000000000000000000000aa", events.get(0).digest());
        assertEquals(V8_NEW, events.get(0).provenance().version());
        // Only the two new asset ids cost a metadata request; 000109 is unchanged.
        assertEquals(1, versionRequests());
        assertEquals(1, assetListRequests());
        assertEquals(2, assetMetadataRequests());

        for (int i : new int[]{0, 1, 3}) {
            String assetId = assets.get(i).get("asset_id").asText();
            Document e = assetEntry("000008/" + V8_NEW + "/" + assetId);
            assertEquals("reused", e.getString("status"));
            assertEquals("000008/" + V8 + "/" + assetId, e.getString("reusedFrom"));
        }
        Document byDigest = assetEntry("000008/" + V8_NEW + "/" + moved.get("asset_id").asText());
        assertEquals("reused", byDigest.getString("status"));
        assertEquals("000008/" + V8 + "/" + assets.get(0).get("asset_id").asText(), byDigest.getString("reusedFrom"));
        assertEquals("sha2-256:f7ed16993c99eaaf0669e22bcbe624c276d1b2b420d1ebb7310694229c5fe88a",
                byDigest.getString("digest"));
        assertEquals(V8_NEW, dandisetEntry("000008").getString("version"));
    }

    @Test
    @Order(4)
    void aDandisetFailingEveryTimeIsReportedAndTheOthersAreProcessed() throws IOException {
        DandiFake fake = listing(V8_NEW)
                .dandiset("000020", null, 5, MODIFIED)
                .dandiset("000035", null, 3, MODIFIED);
        fake.serveVersion("000008", V8_NEW);
        fake.failVersion("000020", "0.210913.1639", 500);
        fake.serveVersion("000035", "0.211014.0808");
        // The second of 000035's three assets has metadata without a digest.
        List<ObjectNode> a35 = new ArrayList<>(DandiFake.realAssets("000035").subList(0, 3));
        ((ObjectNode) a35.get(1).get("metadata")).remove("digest");
        fake.serveAssets("000035", "0.211014.0808", a35);
        fake.serveListing();
        KafkaTestClient.Position before = KafkaTestClient.end(Topics.ASSETS);

        JsonPath run = poll();

        assertEquals(7, run.getInt("dandisetsSeen"));
        assertEquals(3, run.getInt("dandisetsSelected"));
        assertEquals(2, run.getInt("assetsPublished"));
        assertEquals(1, run.getInt("assetsFailed"));
        assertEquals(Map.of("http_500", 1, "bad_metadata", 1), run.getMap("failuresByReason"));
        assertEquals("000035", run.getString("failures[1].dandiset"));
        assertEquals(a35.get(1).get("asset_id").asText(), run.getString("failures[1].asset"));
        assertEquals("patchmap.assets: DANDI asset " + a35.get(1).get("asset_id").asText()
                + " has no sha2-256 or dandi-etag digest", run.getString("failures[1].message"));
        assertEquals("failed", assetEntry("000035/0.211014.0808/" + a35.get(1).get("asset_id").asText()).getString("status"));
        Map<String, Object> p35 = run.getMap("dandisets.find { it.dandiset == '000035' }");
        assertEquals(Map.of("dandiset", "000035", "version", "0.211014.0808", "assetsDone", 2, "assetsTotal", 3,
                "state", "incomplete"), p35);
        // The version is not complete: not recorded as processed, so the next poll asks again.
        assertEquals(null, dandisetEntry("000035").get("versionsProcessed"));
        assertEquals("000020", run.getString("failures[0].dandiset"));
        assertEquals("http_500", run.getString("failures[0].reason"));
        assertEquals("GET " + server.baseUrl() + "/api/dandisets/000020/versions/0.210913.1639/: HTTP 500 after 2 attempts: "
                + "{\"detail\":\"boom\"}", run.getString("failures[0].message"));
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/dandisets/000020/versions/0.210913.1639/")));
        List<AssetEvent> events = published(before);
        assertEquals(2, events.size());
        assertTrue(events.stream().allMatch(e -> e.provenance().dandisetId().equals("000035")));

        JsonPath status = given().get("/api/status").then().statusCode(200).extract().jsonPath();
        Map<String, Object> d20 = status.getMap("dandisets.find { it.id == '000020' }");
        assertEquals("http_500", d20.get("lastErrorReason"));
        given().get(management + "metrics").then().statusCode(200)
                .body(containsString("patchmap_dandi_poll_failures_total{reason=\"http_500\"} 1.0"))
                .body(containsString("patchmap_dandi_poll_failures_total{reason=\"bad_metadata\"} 1.0"))
                .body(containsString("patchmap_dandi_assets_total{outcome=\"failed\"} 1.0"));
    }

    @Test
    @Order(5)
    void theNextRunAsksAgainOnlyForTheAssetThatFailed() throws IOException {
        DandiFake fake = listing(V8_NEW).dandiset("000035", null, 3, MODIFIED);
        fake.serveVersion("000008", V8_NEW);
        List<ObjectNode> a35 = DandiFake.realAssets("000035").subList(0, 3);
        fake.serveAssets("000035", "0.211014.0808", a35);
        fake.serveVersion("000035", "0.211014.0808");
        fake.serveListing();
        KafkaTestClient.Position before = KafkaTestClient.end(Topics.ASSETS);

        JsonPath run = poll();

        assertEquals(1, run.getInt("assetsDiscovered"));
        assertEquals(1, run.getInt("assetsPublished"));
        assertEquals(Map.of(), run.getMap("failuresByReason"));
        List<AssetEvent> events = published(before);
        assertEquals(1, events.size());
        assertEquals(CellIds.dandiFile("000035", a35.get(1).get("path").asText()), events.get(0).fileKey());
        // The selection is remembered, but the asset's event carries the version's text: asked once.
        assertEquals(1, versionRequests());
        assertEquals("Temperature-controlled intracellular Patch-seq recordings in mouse motor cortex",
                events.get(0).dandiset().get("name"));
        assertEquals(1, assetListRequests());
        assertEquals(1, assetMetadataRequests());
        server.verify(1, getRequestedFor(urlPathEqualTo(
                DandiFake.assetPath("000035", "0.211014.0808", a35.get(1).get("asset_id").asText()))));
        Document d35 = dandisetEntry("000035");
        assertEquals(1, d35.getList("versionsProcessed", Document.class).size());
        assertEquals(null, d35.get("lastError"));
    }

    @Test
    @Order(6)
    void aSecondRequestWhileARunIsGoingOnIsRefused() throws Exception {
        // the first run waits for the listing until the test lets it go
        DandiFakeResource.held.hold();
        try {
            listing(V8_NEW).serveHeldListing();
            new DandiFake(server).serveVersion("000008", V8_NEW);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                    () -> given().auth().oauth2(TestTokens.admin()).post("/api/admin/poll").then().extract().statusCode());
            Eventually.until("the first poll running", () -> poller.current().isPresent());
            given().auth().oauth2(TestTokens.admin()).post("/api/admin/poll").then().statusCode(409)
                    .body("error", org.hamcrest.Matchers.equalTo("a DANDI poll is already running"));
            given().get("/api/status").then().statusCode(200).body("running", org.hamcrest.Matchers.equalTo(true));
            DandiFakeResource.held.release();
            assertEquals(200, first.get(Eventually.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            DandiFakeResource.held.release();
        }
    }
}
