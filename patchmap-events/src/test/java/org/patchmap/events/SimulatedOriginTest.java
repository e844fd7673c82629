package org.patchmap.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A simulated cell's truth on patchmap.metadata: optional, read and written as stated, checked like the rest. */
class SimulatedOriginTest {
    private static final String REAL = """
            {"schemaVersion":1,"cellId":"dandi:000008/a.nwb",
             "provenance":{"source":"dandi","dandisetId":"000008","version":"draft","assetId":"x","path":"a.nwb"},
             "vocabularyVersion":"v1","extractedAt":"2026-11-24T10:00:07Z"}
            """;

    private static String refused(String type, String model, Map<String, Double> parameters) {
        return assertThrows(InvalidEventException.class,
                () -> new SimulatedOrigin(type, model, 1L, parameters)).getMessage();
    }

    @Test
    void metadataWithoutSimulatedIsARealCell() {
        MetadataEvent event = EventJson.read(Topics.METADATA, REAL, MetadataEvent.class);
        assertNull(event.simulated());
        assertEquals("{\"schemaVersion\":1,\"cellId\":\"dandi:000008/a.nwb\",\"provenance\":{\"source\":\"dandi\","
                + "\"dandisetId\":\"000008\",\"version\":\"draft\",\"assetId\":\"x\",\"path\":\"a.nwb\"},"
                + "\"vocabularyVersion\":\"v1\",\"extractedAt\":\"2026-11-24T10:00:07Z\"}", EventJson.write(event));
    }

    @Test
    void simulatedIsReadWithItsValuesAndWrittenInNameOrder() {
        String json = REAL.replace("\"vocabularyVersion\"", """
                "simulated":{"type":"fast_spiking","model":"patchmap-sim single-compartment conductance-based neuron",
                 "seed":12345,"parameters":{"gNa_mS_cm2":58.1,"diameter_um":56}},"vocabularyVersion\"""");
        MetadataEvent event = EventJson.read(Topics.METADATA, json, MetadataEvent.class);
        assertEquals(new SimulatedOrigin("fast_spiking", "patchmap-sim single-compartment conductance-based neuron",
                12345L, Map.of("gNa_mS_cm2", 58.1, "diameter_um", 56.0)), event.simulated());
        assertEquals(List.of("diameter_um", "gNa_mS_cm2"), List.copyOf(event.simulated().parameters().keySet()));
        String written = EventJson.write(event);
        assertEquals(",\"simulated\":{\"type\":\"fast_spiking\",\"model\":\"patchmap-sim single-compartment"
                        + " conductance-based neuron\",\"seed\":12345,\"parameters\":{\"diameter_um\":56.0,"
                        + "\"gNa_mS_cm2\":58.1}}}",
                written.substring(written.indexOf(",\"simulated\"")));
        assertEquals(event, EventJson.read(Topics.METADATA, written, MetadataEvent.class));
    }

    @Test
    void onlyTheTypeIsRequired() {
        SimulatedOrigin bare = EventJson.read(Topics.METADATA,
                REAL.replace("\"vocabularyVersion\"", "\"simulated\":{\"type\":\"ih_rich\"},\"vocabularyVersion\""),
                MetadataEvent.class).simulated();
        assertEquals(new SimulatedOrigin("ih_rich", null, null, Map.of()), bare);
        assertEquals("patchmap.metadata: field 'simulated.type' is missing", assertThrows(
                InvalidEventException.class, () -> EventJson.read(Topics.METADATA,
                        REAL.replace("\"vocabularyVersion\"", "\"simulated\":{\"seed\":1},\"vocabularyVersion\""),
                        MetadataEvent.class)).getMessage());
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertEquals("patchmap.metadata: field 'simulated.type' must be lowercase words with underscores,"
                + " at most 40 characters", refused("Fast Spiking", null, Map.of()));
        assertEquals("patchmap.metadata: field 'simulated.type' must be lowercase words with underscores,"
                + " at most 40 characters", refused("a".repeat(41), null, Map.of()));
        assertEquals("patchmap.metadata: field 'simulated.model' must be a text of 1 to 200 characters without"
                + " control characters", refused("fast_spiking", "m".repeat(201), Map.of()));
        assertEquals("patchmap.metadata: field 'simulated.model' must be a text of 1 to 200 characters without"
                + " control characters", refused("fast_spiking", "model\nWARN forged log line", Map.of()));
        assertEquals("patchmap.metadata: field 'simulated.parameters.gNa_mS_cm2' must be a finite number, got NaN",
                refused("fast_spiking", null, Map.of("gNa_mS_cm2", Double.NaN)));
        assertEquals("patchmap.metadata: field 'simulated.parameters' has a name that is not a letter followed by"
                + " up to 39 letters, digits or underscores", refused("fast_spiking", null, Map.of("$where", 1.0)));
        Map<String, Double> many = new LinkedHashMap<>();
        for (int i = 0; i < 65; i++) {
            many.put("p" + i, (double) i);
        }
        assertEquals("patchmap.metadata: field 'simulated.parameters' has 65 entries, at most 64",
                refused("fast_spiking", null, many));
        many.remove("p64");
        assertEquals(64, new SimulatedOrigin("fast_spiking", null, null, many).parameters().size());
    }

    @Test
    void theOldConstructorMakesARealCell() {
        MetadataEvent event = new MetadataEvent(1, "upload:00/a.nwb", Provenance.upload("a.nwb"), null, null, null,
                null, null, null, "v1", Instant.EPOCH);
        assertNull(event.simulated());
    }
}
