package org.patchmap.core.analysis;

import org.patchmap.testing.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchmap.core.GoldenReference;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SweepFamily;

/**
 * On every reference cell ({@link GoldenReference#cells}: both golden files), read + long-square
 * detection give the reference window (±1 ms) and the same sweeps with the same amplitudes (±0.5 pA).
 */
class GoldenFamiliesTest {
    static final double WINDOW_TOLERANCE_S = 0.001;
    static final double AMPLITUDE_TOLERANCE_PA = 0.5;

    @TestFactory
    List<DynamicTest> everyReferenceCellHasTheReferenceFamily() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode cell : GoldenReference.cells()) {
            String file = cell.get("file").asText();
            tests.add(DynamicTest.dynamicTest(file, () -> check(cell, file)));
        }
        return tests;
    }

    private static void check(JsonNode cell, String file) throws Exception {
        SweepFamily family = CellAnalysis.family(SharedData.cell(file));
        assertEquals(cell.get("window_s").get(0).asDouble(), family.startS(), WINDOW_TOLERANCE_S, file + " start");
        assertEquals(cell.get("window_s").get(1).asDouble(), family.endS(), WINDOW_TOLERANCE_S, file + " end");
        assertEquals(cell.get("sampling_rate_hz").asDouble(), family.samplingRateHz(), 1e-6, file + " rate");

        List<String> expected = new ArrayList<>();
        for (JsonNode s : cell.get("sweeps")) {
            expected.add(s.get("sweep").asText());
        }
        List<String> actual = family.sweeps().stream().map(m -> String.valueOf(m.sweep().label())).toList();
        assertEquals(expected, actual, file + " sweeps");
        int k = 0;
        for (JsonNode s : cell.get("sweeps")) {
            FamilySweep m = family.sweeps().get(k++);
            double ref = s.get("amplitude_pA").asDouble();
            assertTrue(Math.abs(m.amplitudePa() - ref) <= AMPLITUDE_TOLERANCE_PA, String.format(Locale.ROOT,
                    "%s sweep %s: %.1f pA, reference %.1f pA", file, m.sweep().label(), m.amplitudePa(), ref));
        }
    }
}
