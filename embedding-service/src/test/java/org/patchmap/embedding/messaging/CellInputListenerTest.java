package org.patchmap.embedding.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.embedding.store.CellStore;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.FeaturesEvent.FeatureValue;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.MetadataEvent.SourcedQuantity;
import org.patchmap.events.MetadataEvent.SourcedTerm;
import org.patchmap.events.Provenance;
import org.patchmap.events.SimulatedOrigin;
import org.patchmap.events.Topics;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Features and metadata through the real broker, joined per cell; bad records to their dead-letter topics. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class CellInputListenerTest {
    private static final Provenance PROVENANCE = Provenance.dandi("000008", "0.211014.0809",
            "a3acc7ac-c3c7-46a8-ad06-8d592a9d9a1f", "sub-mouse-AAYYT/cell-2_icephys.nwb");
    private static final String FILE = "dandi:000008/sub-mouse-AAYYT/cell-2_icephys.nwb";

    @Inject
    CellStore cells;

    @Test
    void featuresAndMetadataAreJoinedPerCell() {
        String second = FILE + "#2";
        FeaturesEvent features = new FeaturesEvent(1, second, PROVENANCE, "sha2-256:f7ed#2",
                Map.of("input_resistance", new FeatureValue(182.4, "MOhm"), "tau", new FeatureValue(null, "s")),
                Map.of("tau", "tau fit RMSE 1.4 mV > 1 mV"), "patchmap-core 0.1.0", Instant.parse("2026-11-24T10:00:00Z"));
        MetadataEvent metadata = new MetadataEvent(1, FILE, PROVENANCE,
                new SourcedTerm("Mus musculus", "NCBITaxon:10090", "dandiset", 0.95), null,
                new SourcedQuantity(147.96, "P147DT82800S", "asset", 1.0), null, null, null, "regions-1",
                Instant.parse("2026-11-24T10:00:01Z"));
        KafkaTestClient.send(Topics.FEATURES, second, EventJson.write(features));
        KafkaTestClient.send(Topics.METADATA, FILE, EventJson.write(metadata));

        Eventually.get("joined cell", () -> cells.cell(second).filter(c -> c.features() != null
                && c.metadata() != null).map(Optional::of).orElse(Optional.empty()));
        given().get("/api/cells/" + second).then().statusCode(200)
                .body("features.input_resistance.value", equalTo(182.4f))
                .body("features.input_resistance.unit", equalTo("MOhm"))
                .body("qc.tau", equalTo("tau fit RMSE 1.4 mV > 1 mV"))
                .body("metadata.species.termId", equalTo("NCBITaxon:10090"))
                .body("metadata.ageDays.value", equalTo(147.96f))
                .body("provenance.dandisetUrl", equalTo("https://dandiarchive.org/dandiset/000008/0.211014.0809"));
        given().get("/api/cells/dandi:000008/none.nwb").then().statusCode(404);
    }

    @Test
    void aSimulatedCellShowsItsTruthAndARealCellNone() throws Exception {
        Provenance simulatedFile = Provenance.dandi("999001", "0.260101.0000", "5e0c1a2b-0000-4000-8000-000000000001",
                "sub-sim/sub-sim_cell-01.nwb");
        String simulated = "dandi:999001/sub-sim/sub-sim_cell-01.nwb";
        String real = "dandi:000008/sub-mouse-AAYYT/cell-3_icephys.nwb";
        SimulatedOrigin truth = new SimulatedOrigin("fast_spiking",
                "patchmap-sim single-compartment conductance-based neuron", 12345L,
                Map.of("gNa_mS_cm2", 58.1, "diameter_um", 56.0));
        SourcedTerm mouse = new SourcedTerm("Mus musculus", "NCBITaxon:10090", "asset", 1.0);
        KafkaTestClient.send(Topics.FEATURES, simulated, EventJson.write(new FeaturesEvent(1, simulated, simulatedFile,
                "sha2-256:5e0c#1", Map.of("tau", new FeatureValue(0.011, "s")), Map.of(), "patchmap-core 0.1.0",
                Instant.parse("2026-11-24T10:00:00Z"))));
        KafkaTestClient.send(Topics.METADATA, simulated, EventJson.write(new MetadataEvent(1, simulated, simulatedFile,
                mouse, null, null, null, null, null, "regions-1", Instant.parse("2026-11-24T10:00:01Z"), truth)));
        KafkaTestClient.send(Topics.METADATA, real, EventJson.write(new MetadataEvent(1, real, PROVENANCE, mouse, null,
                null, null, null, null, "regions-1", Instant.parse("2026-11-24T10:00:01Z"))));

        Eventually.get("joined simulated cell", () -> cells.cell(simulated).filter(c -> c.features() != null
                && c.metadata() != null).map(Optional::of).orElse(Optional.empty()));
        assertEquals(truth, cells.cell(simulated).orElseThrow().metadata().simulated());
        JsonNode body = EventJson.mapper().readTree(given().get("/api/cells/" + simulated).then().statusCode(200)
                .extract().asString());
        assertEquals(EventJson.mapper().readTree("""
                {"type": "fast_spiking", "model": "patchmap-sim single-compartment conductance-based neuron",
                 "seed": 12345, "parameters": {"diameter_um": 56.0, "gNa_mS_cm2": 58.1}}"""),
                body.path("metadata").path("simulated"));
        assertEquals("Mus musculus", body.path("metadata").path("species").path("label").asText());

        Eventually.get("real cell's metadata", () -> cells.cell(real));
        JsonNode realBody = EventJson.mapper().readTree(given().get("/api/cells/" + real).then().statusCode(200)
                .extract().asString());
        assertEquals("Mus musculus", realBody.path("metadata").path("species").path("label").asText());
        assertFalse(realBody.path("metadata").has("simulated"), realBody.toString());
    }

    @Test
    void nullFeatureWithoutReasonGoesToFeaturesDeadLetters() {
        String key = "dandi:000008/sub-x/no-reason.nwb";
        String bad = "{\"schemaVersion\":1,\"cellId\":\"" + key + "\",\"provenance\":{\"source\":\"upload\",\"path\":\"x.nwb\"},"
                + "\"inputDigest\":\"d\",\"features\":{\"tau\":{\"value\":null,\"unit\":\"s\"}},"
                + "\"codeVersion\":\"patchmap-core 0.1.0\",\"computedAt\":\"2026-11-24T10:00:00Z\"}";
        KafkaTestClient.send(Topics.FEATURES, key, bad);

        DeadLetterEvent letter = EventJson.read("patchmap.features.dlq",
                KafkaTestClient.awaitValue("patchmap.features.dlq", key), DeadLetterEvent.class);
        assertEquals("embedding-service", letter.service());
        assertEquals("patchmap.features", letter.topic());
        assertEquals("patchmap.features: feature 'tau' is null without a qc reason", letter.reason());
        assertEquals(Optional.empty(), cells.cell(key));
    }

    @Test
    void metadataWithAnUnknownSourceGoesToMetadataDeadLetters() {
        String key = "dandi:000008/sub-x/bad-source.nwb";
        String bad = "{\"schemaVersion\":1,\"cellId\":\"" + key + "\",\"provenance\":{\"source\":\"upload\",\"path\":\"x.nwb\"},"
                + "\"species\":{\"label\":\"Mus musculus\",\"source\":\"guess\",\"confidence\":0.5},"
                + "\"vocabularyVersion\":\"regions-1\",\"extractedAt\":\"2026-11-24T10:00:00Z\"}";
        KafkaTestClient.send(Topics.METADATA, key, bad);

        DeadLetterEvent letter = EventJson.read("patchmap.metadata.dlq",
                KafkaTestClient.awaitValue("patchmap.metadata.dlq", key), DeadLetterEvent.class);
        assertEquals("patchmap.metadata: field 'source' is 'guess', expected one of asset, nwb, dandiset, text, embedding, model",
                letter.reason());
    }
}
