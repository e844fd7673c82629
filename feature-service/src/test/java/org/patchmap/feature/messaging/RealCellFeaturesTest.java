package org.patchmap.feature.messaging;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.ReferenceAgreement;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.core.sweep.TraceCodec;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.testing.SharedData;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A real recording through the real broker: its family's traces in GridFS, the event on
 * patchmap.sweeps, the features on patchmap.features and in MongoDB, checked against the ipfx
 * reference (spec section 7 tolerances) and against patchmap-core run directly.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = true)
class RealCellFeaturesTest {
    @Inject
    MongoClient mongo;

    @Test
    void realAbfCellGivesTheReferenceFeatures() throws Exception {
        SweepFamily family = LongSquareDetector.detect(
                RecordingReader.read(SharedData.path("data/cells/abf/File_axon_5.abf")));
        List<Sweep> sweeps = family.sweeps().stream().map(FamilySweep::sweep).toList();
        byte[] bytes = TraceCodec.encode(sweeps);
        String cellId = "upload:00000000000000a5/File_axon_5.abf";
        String id = GridFSBuckets.create(mongo.getDatabase("patchmap"), "traces")
                .uploadFromStream(cellId, new ByteArrayInputStream(bytes)).toHexString();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        SweepFamilyEvent event = new SweepFamilyEvent(1, cellId, Provenance.upload("File_axon_5.abf"),
                "sha2-256:" + sha + "#1", family.samplingRateHz(),
                new SweepFamilyEvent.Window(family.startS(), family.endS()),
                family.sweeps().stream().map(m -> new SweepFamilyEvent.SweepSummary(m.sweep().sweepNumber(),
                        m.amplitudePa(), List.of())).toList(),
                family.flags(), new SweepFamilyEvent.TraceRef("traces", id, TraceCodec.ENCODING, bytes.length, sha,
                sweeps.size()), Instant.parse("2026-11-25T09:00:00Z"));

        KafkaTestClient.send(Topics.SWEEPS, cellId, EventJson.write(event));
        FeaturesEvent published = EventJson.read(Topics.FEATURES,
                KafkaTestClient.awaitValue(Topics.FEATURES, cellId), FeaturesEvent.class);

        // every feature of the ipfx reference for this cell, within the spec 7 tolerances
        JsonNode reference = null;
        for (JsonNode cell : new ObjectMapper().readTree(SharedData.path("golden/ipfx-reference.json").toFile())
                .get("cells")) {
            if (cell.get("file").asText().equals("File_axon_5.abf")) {
                reference = cell.get("features");
            }
        }
        List<String> disagreements = new ArrayList<>();
        for (var it = reference.fields(); it.hasNext(); ) {
            var e = it.next();
            Double ref = e.getValue().isNull() ? null : e.getValue().asDouble();
            Double got = published.features().get(e.getKey()).value();
            if (!ReferenceAgreement.agrees(e.getKey(), got, ref)) {
                disagreements.add(e.getKey() + ": " + got + " vs " + ref);
            }
        }
        assertEquals(List.of(), disagreements);
        CellFeatures direct = CellAnalysis.features(family);
        for (var e : direct.values().entrySet()) {
            assertEquals(e.getValue(), published.features().get(e.getKey()).value(), e.getKey());
        }
        assertEquals(direct.reasons().get("tau"), published.qc().get("tau"));
        assertEquals(sha + "#1", published.inputDigest().substring("sha2-256:".length()));

        Document stored = Eventually.get("features in MongoDB", () -> Optional.ofNullable(
                mongo.getDatabase("patchmap").getCollection("features").find(Filters.eq("_id", cellId)).first()));
        assertEquals(9, stored.getList("sweeps", Document.class).size());
        assertNull(stored.get("features", Document.class).get("v_baseline", Document.class).get("missing"));
        given().get("/api/features/" + cellId).then().statusCode(200)
                .body("cellId", equalTo(cellId))
                .body("sweeps.size()", equalTo(9));
    }
}
