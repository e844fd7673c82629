package org.patchmap.feature.messaging;

import com.mongodb.client.MongoClient;
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
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.sweep.TraceCodec;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.feature.RealCell;
import org.patchmap.testing.SharedData;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.Topics;

import java.util.ArrayList;
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
        String cellId = "upload:00000000000000a5/File_axon_5.abf";
        RealCell sent = RealCell.send(mongo, "File_axon_5.abf", cellId, TraceCodec.ENCODING);
        SweepFamily family = sent.family();
        String sha = sent.event().traces().sha256();

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
