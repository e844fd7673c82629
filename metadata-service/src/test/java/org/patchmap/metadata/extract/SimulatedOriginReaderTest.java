package org.patchmap.metadata.extract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.patchmap.events.EventJson;
import org.patchmap.events.SimulatedOrigin;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code assetMetadata.simulated} read into a SimulatedOrigin, or refused with the field and the reason. */
class SimulatedOriginReaderTest {

    private static JsonNode asset(String simulated) {
        try {
            return EventJson.mapper().readTree("{\"encodingFormat\":\"application/x-nwb\",\"simulated\":" + simulated + "}");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void refused(String simulated, SimulatedField field, SimulatedRejection rejection, String reason) {
        SimulatedReading r = SimulatedOriginReader.read(asset(simulated));
        assertNull(r.origin(), simulated);
        assertEquals(field, r.field(), simulated);
        assertEquals(rejection, r.rejection(), simulated);
        assertEquals(reason, r.reason(), simulated);
    }

    @Test
    void theArchivesBlockIsReadAsStated() {
        SimulatedReading r = SimulatedOriginReader.read(asset("""
                {"type":"fast_spiking","model":"patchmap-sim single-compartment conductance-based neuron",
                 "seed":12345,"parameters":{"gNa_mS_cm2":58.1,"diameter_um":56},"drawnBy":"a later archive"}"""));
        assertEquals(new SimulatedOrigin("fast_spiking", "patchmap-sim single-compartment conductance-based neuron",
                12345L, Map.of("gNa_mS_cm2", 58.1, "diameter_um", 56.0)), r.origin());
        assertEquals(false, r.isRejected());
    }

    @Test
    void aRealAssetHasNone() {
        assertEquals(SimulatedReading.ABSENT, SimulatedOriginReader.read(asset("null")));
        assertEquals(SimulatedReading.ABSENT, SimulatedOriginReader.read(
                EventJson.mapper().createObjectNode().put("encodingFormat", "application/x-nwb")));
        assertEquals(SimulatedReading.ABSENT, SimulatedOriginReader.read(null));
    }

    @Test
    void everyPartOutsideTheContractIsNamed() {
        refused("\"fast_spiking\"", SimulatedField.SIMULATED, SimulatedRejection.NOT_AN_OBJECT,
                "simulated is not an object");
        refused("{\"seed\":1}", SimulatedField.TYPE, SimulatedRejection.MISSING, "simulated.type is missing");
        refused("{\"type\":7}", SimulatedField.TYPE, SimulatedRejection.WRONG_TYPE, "simulated.type is not a text");
        refused("{\"type\":\"fast_spiking</td><script>alert(1)</script>\"}", SimulatedField.TYPE,
                SimulatedRejection.INVALID_TEXT,
                "simulated.type is not lowercase words with underscores of at most 40 characters");
        refused("{\"type\":\"fs\",\"model\":[\"x\"]}", SimulatedField.MODEL, SimulatedRejection.WRONG_TYPE,
                "simulated.model is not a text");
        refused("{\"type\":\"fs\",\"model\":\"model\\nERROR forged log line\"}", SimulatedField.MODEL,
                SimulatedRejection.INVALID_TEXT, "simulated.model is not 1 to 200 characters without control characters");
        refused("{\"type\":\"fs\",\"model\":\"" + "m".repeat(201) + "\"}", SimulatedField.MODEL,
                SimulatedRejection.INVALID_TEXT, "simulated.model is not 1 to 200 characters without control characters");
        refused("{\"type\":\"fs\",\"seed\":\"12345\"}", SimulatedField.SEED, SimulatedRejection.WRONG_TYPE,
                "simulated.seed is not a whole number");
        refused("{\"type\":\"fs\",\"seed\":1.5}", SimulatedField.SEED, SimulatedRejection.WRONG_TYPE,
                "simulated.seed is not a whole number");
        refused("{\"type\":\"fs\",\"seed\":123456789012345678901234567890}", SimulatedField.SEED,
                SimulatedRejection.WRONG_TYPE, "simulated.seed is not a whole number");
        refused("{\"type\":\"fs\",\"parameters\":[58.1]}", SimulatedField.PARAMETERS, SimulatedRejection.NOT_AN_OBJECT,
                "simulated.parameters is not an object");
        refused("{\"type\":\"fs\",\"parameters\":{\"gNa_mS_cm2\":\"NaN\"}}", SimulatedField.PARAMETERS,
                SimulatedRejection.NOT_FINITE, "simulated.parameters.gNa_mS_cm2 is not a finite number");
        refused("{\"type\":\"fs\",\"parameters\":{\"gNa_mS_cm2\":1e400}}", SimulatedField.PARAMETERS,
                SimulatedRejection.NOT_FINITE, "simulated.parameters.gNa_mS_cm2 is not a finite number");
        refused("{\"type\":\"fs\",\"parameters\":{\"gNa_mS_cm2\":\"58.1\"}}", SimulatedField.PARAMETERS,
                SimulatedRejection.WRONG_TYPE, "simulated.parameters.gNa_mS_cm2 is not a number");
        refused("{\"type\":\"fs\",\"parameters\":{\"gNa_mS_cm2\":null}}", SimulatedField.PARAMETERS,
                SimulatedRejection.WRONG_TYPE, "simulated.parameters.gNa_mS_cm2 is not a number");
        refused("{\"type\":\"fs\",\"parameters\":{\"$where\":1}}", SimulatedField.PARAMETERS,
                SimulatedRejection.INVALID_NAME,
                "simulated.parameters has a name that is not a letter followed by up to 39 letters, digits or underscores");
    }

    @Test
    void atMost64Parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < 64; i++) {
            parameters.put("p" + i, i * 0.5);
        }
        JsonNode sixtyFour = EventJson.mapper().valueToTree(Map.of("simulated",
                Map.of("type", "fast_spiking", "parameters", parameters)));
        assertEquals(64, SimulatedOriginReader.read(sixtyFour).origin().parameters().size());
        assertEquals(31.5, SimulatedOriginReader.read(sixtyFour).origin().parameters().get("p63"));
        parameters.put("p64", 1.0);
        SimulatedReading r = SimulatedOriginReader.read(EventJson.mapper().valueToTree(Map.of("simulated",
                Map.of("type", "fast_spiking", "parameters", parameters))));
        assertEquals(SimulatedReading.rejected(SimulatedField.PARAMETERS, SimulatedRejection.TOO_MANY,
                "simulated.parameters has 65 entries, at most 64"), r);
    }

    @Test
    void aNonFiniteDoubleInTheReceivedMapIsNotFinite() {
        // An in-process producer's map may hold a NaN itself rather than its JSON text.
        JsonNode nan = EventJson.mapper().valueToTree(Map.of("simulated",
                Map.of("type", "fast_spiking", "parameters", Map.of("gNa_mS_cm2", Double.NaN))));
        assertEquals(SimulatedRejection.NOT_FINITE, SimulatedOriginReader.read(nan).rejection());
    }

    @Test
    void wireNames() {
        assertEquals("simulated.parameters", SimulatedField.PARAMETERS.wire());
        assertEquals("not_an_object", SimulatedRejection.NOT_AN_OBJECT.wire());
        assertEquals("too_many", SimulatedRejection.TOO_MANY.wire());
    }
}
