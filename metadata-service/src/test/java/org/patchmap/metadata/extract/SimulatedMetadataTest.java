package org.patchmap.metadata.extract;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.SimulatedOrigin;
import org.patchmap.events.Topics;
import org.patchmap.metadata.store.CellMetadataStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assets of the archive of simulated recordings through the real broker: their {@code simulated} block becomes
 * the metadata's {@code simulated} on patchmap.metadata, in MongoDB and over REST; a block outside the contract
 * is dropped, counted and logged with its reason, and the cell keeps its other metadata.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class SimulatedMetadataTest {
    private static final String MODEL = "patchmap-sim single-compartment conductance-based neuron";

    @Inject
    CellMetadataStore store;

    @Inject
    MeterRegistry registry;

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Logger extractionLog = Logger.getLogger(FileMetadataExtraction.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyAll(); // the MDC of the logging thread, kept with the record
                }
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        extractionLog.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        extractionLog.removeHandler(capture);
    }

    /** An asset as the local archive serves one: DANDI's usual fields, a mouse subject, and {@code simulated}. */
    static AssetEvent simulatedAsset(String cell, String simulatedJson) throws Exception {
        String assetId = "5e0c1a2b-0000-4000-8000-0000000000" + cell.substring(cell.length() - 2);
        String path = "sub-sim/sub-sim_" + cell + ".nwb";
        Map<String, Object> metadata = EventJson.mapper().readValue("""
                {"id": "dandiasset:%s", "schemaKey": "Asset", "identifier": "%s", "path": "%s",
                 "contentSize": 1048576, "encodingFormat": "application/x-nwb",
                 "digest": {"dandi:sha2-256": "%s"},
                 "wasAttributedTo": [{"schemaKey": "Participant", "identifier": "simulated",
                   "species": {"schemaKey": "SpeciesType", "identifier": "http://purl.obolibrary.org/obo/NCBITaxon_10090",
                               "name": "Mus musculus - House mouse"}}],
                 "simulated": %s}
                """.formatted(assetId, assetId, path, "ab".repeat(32), simulatedJson), new TypeReference<>() {
        });
        return AssetEvent.fromDandi("999001", "0.260101.0000", assetId, path, 1048576, metadata,
                Instant.parse("2026-11-24T10:00:00Z"));
    }

    private static MetadataEvent published(AssetEvent asset) {
        KafkaTestClient.send(Topics.ASSETS, asset.fileKey(), EventJson.write(asset));
        return EventJson.read(Topics.METADATA, KafkaTestClient.awaitValue(Topics.METADATA, asset.fileKey()),
                MetadataEvent.class);
    }

    private double rejected(String field, String reason) {
        var c = registry.find("patchmap.metadata.simulated.rejected").tags("field", field, "reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    private List<LogRecord> warningsAbout(String fileKey) {
        return warnings.stream().filter(r -> r.getMessage().contains(fileKey)).toList();
    }

    @Test
    void theSimulatedBlockIsTheMetadatasSimulated() throws Exception {
        AssetEvent asset = simulatedAsset("cell-01", """
                {"type": "fast_spiking", "model": "%s", "seed": 12345,
                 "parameters": {"gNa_mS_cm2": 58.1, "diameter_um": 56.0, "gKv3_mS_cm2": 20.0, "E_leak_mV": -70.4}}
                """.formatted(MODEL));
        SimulatedOrigin truth = new SimulatedOrigin("fast_spiking", MODEL, 12345L,
                Map.of("gNa_mS_cm2", 58.1, "diameter_um", 56.0, "gKv3_mS_cm2", 20.0, "E_leak_mV", -70.4));

        MetadataEvent event = published(asset);
        assertEquals(truth, event.simulated());
        assertEquals("asset", event.species().source());
        assertEquals(truth, store.find(asset.fileKey()).orElseThrow().simulated());

        String body = given().get("/api/metadata/" + asset.fileKey()).then().statusCode(200).extract().asString();
        assertTrue(body.endsWith(",\"simulated\":{\"type\":\"fast_spiking\",\"model\":\"" + MODEL + "\","
                + "\"seed\":12345,\"parameters\":{\"E_leak_mV\":-70.4,\"diameter_um\":56.0,\"gKv3_mS_cm2\":20.0,"
                + "\"gNa_mS_cm2\":58.1}}}"), body);
        assertTrue(warningsAbout(asset.fileKey()).isEmpty(), warnings.toString());
    }

    @Test
    void aBlockOutsideTheContractIsDroppedCountedAndLoggedAndTheCellKeepsItsMetadata() throws Exception {
        double nanBefore = rejected("simulated.parameters", "not_finite");
        double typeBefore = rejected("simulated.type", "invalid_text");
        double manyBefore = rejected("simulated.parameters", "too_many");
        StringBuilder many = new StringBuilder("{\"type\": \"fast_spiking\", \"parameters\": {");
        for (int i = 0; i < 65; i++) {
            many.append(i == 0 ? "" : ", ").append("\"p").append(i).append("\": ").append(i);
        }
        AssetEvent nan = simulatedAsset("cell-02",
                "{\"type\": \"fast_spiking\", \"seed\": 7, \"parameters\": {\"gNa_mS_cm2\": \"NaN\"}}");
        AssetEvent hostile = simulatedAsset("cell-03",
                "{\"type\": \"fast_spiking\\n2026-11-24 ERROR forged\", \"parameters\": {}}");
        AssetEvent tooMany = simulatedAsset("cell-04", many.append("}}").toString());

        for (AssetEvent asset : List.of(nan, hostile, tooMany)) {
            MetadataEvent event = published(asset);
            assertNull(event.simulated(), asset.fileKey());
            assertEquals("Mus musculus", event.species().label(), asset.fileKey());
            assertEquals("asset", event.species().source(), asset.fileKey());
            assertNull(store.find(asset.fileKey()).orElseThrow().simulated());
            String body = given().get("/api/metadata/" + asset.fileKey()).then().statusCode(200).extract().asString();
            assertFalse(body.contains("simulated"), body);
        }
        assertEquals(1.0, rejected("simulated.parameters", "not_finite") - nanBefore);
        assertEquals(1.0, rejected("simulated.type", "invalid_text") - typeBefore);
        assertEquals(1.0, rejected("simulated.parameters", "too_many") - manyBefore);

        assertWarning(nan.fileKey(), "simulated.parameters", "not_finite",
                "simulated metadata of " + nan.fileKey() + " not kept: simulated.parameters.gNa_mS_cm2 is not a finite number");
        assertWarning(hostile.fileKey(), "simulated.type", "invalid_text", "simulated metadata of " + hostile.fileKey()
                + " not kept: simulated.type is not lowercase words with underscores of at most 40 characters");
        assertWarning(tooMany.fileKey(), "simulated.parameters", "too_many",
                "simulated metadata of " + tooMany.fileKey() + " not kept: simulated.parameters has 65 entries, at most 64");
    }

    private void assertWarning(String fileKey, String field, String reason, String message) {
        List<LogRecord> about = warningsAbout(fileKey);
        assertEquals(1, about.size(), about.toString());
        ExtLogRecord line = (ExtLogRecord) about.get(0);
        assertEquals(message, line.getFormattedMessage());
        assertEquals(Level.WARNING.intValue(), line.getLevel().intValue());
        assertEquals(fileKey, line.getMdc("cellId"));
        assertEquals(field, line.getMdc("field"));
        assertEquals(reason, line.getMdc("reason"));
    }
}
