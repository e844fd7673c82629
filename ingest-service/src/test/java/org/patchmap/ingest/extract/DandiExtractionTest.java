package org.patchmap.ingest.extract;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.testing.SharedData;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.ingest.dandi.DandiClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchmap.ingest.extract.Fixtures.cell;
import static org.patchmap.ingest.extract.Fixtures.load;
import static org.patchmap.ingest.extract.Fixtures.outcome;
import static org.patchmap.ingest.extract.Fixtures.send;
import static org.patchmap.ingest.extract.Fixtures.sweeps;

/**
 * DANDI assets through the real broker: the asset's metadata is real (dandiset 000008), the fake
 * DANDI (WireMock) redirects its download to a storage URL serving a real NWB file; the file is
 * downloaded into the work directory, checked, extracted and deleted. A digest that does not
 * match and an asset DANDI does not have are {@code failed} outcomes and dead letters.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ExtractionTestResource.class, restrictToAnnotatedClass = true)
class DandiExtractionTest {
    private static final String VERSION = "0.211014.0809";

    @Inject
    MongoClient mongo;

    @Inject
    MeterRegistry registry;

    /** Injected so that it exists, with its meters, before the first download. */
    @Inject
    DandiClient client;

    private WireMockServer dandi;

    @BeforeEach
    void fake() {
        dandi = ExtractionTestResource.dandi;
    }

    /** Asset {@code index} of 000008 as DANDI describes it, with its digest replaced by {@code sha}. */
    @SuppressWarnings("unchecked")
    private static AssetEvent realAsset(int index, String assetId, String sha) throws Exception {
        List<Map<String, Object>> assets = EventJson.mapper().readValue(
                SharedData.path("data/dandi/000008/assets.json").toFile(), new TypeReference<>() {
                });
        Map<String, Object> a = assets.get(index);
        Map<String, Object> metadata = new HashMap<>((Map<String, Object>) a.get("metadata"));
        metadata.put("digest", Map.of("dandi:sha2-256", sha));
        return AssetEvent.fromDandi("000008", VERSION, assetId, (String) a.get("path"), Files.size(served()),
                metadata, Instant.now());
    }

    private static Path served() {
        return cell("nwb/19926019.nwb");
    }

    /** DANDI's download URL redirects to storage, which serves {@code body}. */
    private void serve(String assetId, byte[] body) {
        String blob = "/blobs/" + assetId;
        dandi.stubFor(get(urlEqualTo("/api/assets/" + assetId + "/download/"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", dandi.baseUrl() + blob)));
        dandi.stubFor(get(urlEqualTo(blob)).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @Test
    void aDandiAssetIsDownloadedExtractedAndDeleted() throws Exception {
        String assetId = "9a1f0e52-0000-4000-8000-000000000001";
        byte[] bytes = Files.readAllBytes(served());
        AssetEvent asset = realAsset(0, assetId, Fixtures.sha256(bytes));
        serve(assetId, bytes);
        double downloaded = registry.get("patchmap.dandi.download.bytes").counter().count();
        send(asset);

        SweepFamilyEvent event = sweeps(asset.fileKey());
        assertEquals("dandi:000008/" + asset.provenance().path(), event.cellId());
        assertEquals("https://dandiarchive.org/dandiset/000008/" + VERSION, event.provenance().dandisetUrl());
        assertEquals(assetId, event.provenance().assetId());
        assertEquals(asset.digest() + "#1", event.inputDigest());
        assertEquals(12, event.sweeps().size());
        assertEquals(-50.0, event.sweeps().get(0).amplitudePa());
        assertEquals(500.0, event.sweeps().get(11).amplitudePa());
        assertEquals(List.of("pre_pulse"), event.flags());
        load(mongo, event.traces());
        load(mongo, event.display());

        Document entry = outcome(mongo, asset);
        assertEquals("extracted", entry.getString("status"));
        assertEquals(event.cellId(), entry.getString("cellId"));
        // the operators' view: 000008's files by extraction status (the other test here only fails)
        io.restassured.RestAssured.given().get("/api/status").then().statusCode(200)
                .body("files.'000008'.extracted", org.hamcrest.Matchers.equalTo(1));
        dandi.verify(1, getRequestedFor(urlEqualTo("/api/assets/" + assetId + "/download/")));
        assertEquals(bytes.length, registry.get("patchmap.dandi.download.bytes").counter().count() - downloaded);
        try (Stream<Path> left = Files.walk(ExtractionTestResource.workDir)) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "the download is deleted");
        }
    }

    @Test
    void aDigestMismatchAndAMissingAssetAreFailuresInTheDeadLetters() throws Exception {
        String tampered = "9a1f0e52-0000-4000-8000-000000000002";
        byte[] bytes = Files.readAllBytes(served());
        String declared = "00".repeat(32);
        AssetEvent mismatch = realAsset(1, tampered, declared);
        serve(tampered, bytes);
        String missing = "9a1f0e52-0000-4000-8000-000000000003";
        AssetEvent gone = realAsset(2, missing, Fixtures.sha256(bytes));
        send(mismatch);
        send(gone);

        String file = mismatch.provenance().path().substring(mismatch.provenance().path().lastIndexOf('/') + 1);
        String reason = file + ": asset " + tampered + ": SHA-256 mismatch, expected " + declared + ", got "
                + Fixtures.sha256(bytes) + " (downloaded file deleted)";
        assertEquals("failed", outcome(mongo, mismatch).getString("status"));
        assertEquals(reason, outcome(mongo, mismatch).getString("reason"));
        assertEquals(reason, deadLetter(mismatch).reason());

        String goneFile = gone.provenance().path().substring(gone.provenance().path().lastIndexOf('/') + 1);
        String goneReason = goneFile + ": GET " + dandi.baseUrl() + "/api/assets/" + missing + "/download/: HTTP 404";
        assertEquals(goneReason, outcome(mongo, gone).getString("reason"));
        assertEquals(goneReason, deadLetter(gone).reason());
        assertTrue(registry.get("patchmap.ingest.failures").tag("reason", "digest_mismatch").counter().count() >= 1);
        assertTrue(registry.get("patchmap.ingest.failures").tag("reason", "download").counter().count() >= 1);
    }

    private static DeadLetterEvent deadLetter(AssetEvent asset) {
        return EventJson.read("patchmap.assets.dlq",
                KafkaTestClient.awaitValue("patchmap.assets.dlq", asset.fileKey()), DeadLetterEvent.class);
    }
}
