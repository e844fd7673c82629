package org.patchmap.core.metadata;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemperatureTest {
    private static final double EPS = 1e-9;

    @Test
    void fieldsAsFilesStateThem() {
        assertField(34, "34 C");
        assertField(34, "34");
        assertField(34, "34.0 °C");
        assertField(34, "34℃");
        assertField(33, "32-34 °C");
        assertField(33, "33 ± 1 °C");
        assertField(32.5, "32,5 degrees C");
        Temperature room = Temperature.parse("room temperature");
        assertEquals(22, room.celsius(), EPS);
        assertTrue(room.phrase());
        assertEquals(0.5, room.confidence(), EPS);
    }

    @Test
    void garbageNamesTheInput() {
        assertEquals("temperature \"warm\": not a number of °C (34 C, 32-34 °C) nor room or physiological temperature",
                message("warm"));
        assertEquals("temperature \"34 K\": not a number of °C (34 C, 32-34 °C) nor room or physiological temperature",
                message("34 K"));
        assertEquals("temperature \"4 °C\": 4.0 °C is outside 10.0–45.0 °C, not a recording temperature", message("4 °C"));
        assertEquals("temperature \"−80 °C\": -80.0 °C is outside 10.0–45.0 °C, not a recording temperature",
                message("−80 °C"));
        assertEquals("temperature \"\": empty", message(""));
        assertEquals(Optional.empty(), Temperature.tryParse(null));
    }

    /** The temperature sentences of the real records (grep ℃, °, degrees, temperature in dandiset-metadata.jsonl). */
    @Test
    void realDescriptions() {
        var records = MetadataTestData.records();
        // "...under temperature-controlled conditions (34 ℃). See Dandiset #8 for the main dataset, recorded under the room temperature."
        Temperature t = TemperatureText.find(records.get("000035").description()).orElseThrow();
        assertEquals(34, t.celsius(), EPS);
        assertEquals("34 ℃", t.text());
        assertEquals(0.8, t.confidence(), EPS);
        // "See Dandiset #35 for an additional dataset, recorded under the physiological temperature": about another dandiset.
        assertEquals(Optional.empty(), TemperatureText.find(records.get("000008").description()));
        // Angles, not temperatures: "120x90 degrees of visual space", "60°-wide", "altered by 90°", "45° increments".
        for (String id : new String[] {"000039", "000049", "000056", "000632", "001357"}) {
            assertEquals(Optional.empty(), TemperatureText.find(records.get(id).description()), id);
        }
        // A temperature stimulus, not a stated temperature.
        assertEquals(Optional.empty(), TemperatureText.find(records.get("000235").name()));
        // "Constant temperature behavior 16C": the experiment's temperature, bare C accepted next to "temperature".
        assertEquals(16, TemperatureText.find(records.get("000697").name()).orElseThrow().celsius(), EPS);
    }

    @Test
    void recordingTemperatureWinsOverStorageAndSlicing() {
        String methods = "Slices were cut in ice-cold ACSF at 4 °C, incubated at 34 °C for 30 min and stored at −80 °C "
                + "for RNA. Whole-cell recordings were made at 32-34 °C in a perfusion chamber.";
        Temperature t = TemperatureText.find(methods).orElseThrow();
        assertEquals(33, t.celsius(), EPS);
        assertEquals("32-34 °C", t.text());
        assertEquals(0.8, t.confidence(), EPS);

        Temperature room = TemperatureText.find("Slices were incubated at 34 °C for 30 minutes; recordings were done "
                + "at room temperature.").orElseThrow();
        assertEquals(22, room.celsius(), EPS);
        assertTrue(room.phrase());

        assertEquals(33, TemperatureText.find("The bath was kept at 33 ± 1 °C.").orElseThrow().celsius(), EPS);
        assertEquals(35, TemperatureText.find("Cells were recorded at 35 degrees.").orElseThrow().celsius(), EPS);
        assertEquals(34, TemperatureText.find("All recordings at 34°C").orElseThrow().celsius(), EPS);
        assertEquals(34, TemperatureText.find("Recordings were made at 34 deg C").orElseThrow().celsius(), EPS);
    }

    @Test
    void phrasesAreLowConfidence() {
        Temperature phys = TemperatureText.find("recorded at physiological temperature").orElseThrow();
        assertEquals(35, phys.celsius(), EPS);
        assertEquals(0.5, phys.confidence(), EPS);
        assertEquals(33, TemperatureText.find("near-physiological temperatures").orElseThrow().celsius(), EPS);
        // A number near a recording word beats a phrase.
        assertEquals(31, TemperatureText.find("Near physiological temperature. Recordings were at 31 °C.").orElseThrow().celsius(), EPS);
        assertEquals(Optional.empty(), TemperatureText.find("Stored at room temperature before slicing."));
        assertEquals(Optional.empty(), TemperatureText.find(""));
    }

    private static void assertField(double c, String text) {
        Temperature t = Temperature.parse(text);
        assertEquals(c, t.celsius(), EPS, text);
        assertEquals(1.0, t.confidence(), EPS);
        assertEquals(text.strip(), t.text());
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Temperature.parse(text)).getMessage();
    }
}
