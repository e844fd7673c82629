package org.patchmap.core.analysis;

import org.patchmap.testing.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchmap.core.GoldenReference;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.ReferenceAgreement;
import org.patchmap.core.features.SweepFeatures;
import org.patchmap.core.protocol.SweepFamily;

/**
 * Spec section 7 on every reference cell ({@link GoldenReference#cells}: both golden files),
 * through the whole path (reader, family, spikes, features): the spike count of every reference
 * sweep exactly, the first spike's threshold time (±0.2 ms) and peak (±0.5 mV), and every cell
 * feature within its tolerance, null exactly where the reference is null. Each disagreement is
 * listed with both numbers; the per-cell worst margins are printed.
 */
class GoldenFeaturesTest {
    @TestFactory
    List<DynamicTest> everyReferenceCellAgreesWithIpfx() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode cell : GoldenReference.cells()) {
            String file = cell.get("file").asText();
            tests.add(DynamicTest.dynamicTest(file, () -> check(cell, file)));
        }
        return tests;
    }

    private static void check(JsonNode cell, String file) throws Exception {
        SweepFamily family = CellAnalysis.family(SharedData.cell(file));
        CellFeatures features = CellAnalysis.features(family);
        List<String> failures = new ArrayList<>();

        assertEquals(cell.get("sweeps").size(), features.sweeps().size(), file + " sweeps");
        int k = 0;
        for (JsonNode ref : cell.get("sweeps")) {
            SweepFeatures sweep = features.sweeps().get(k++);
            String at = file + " sweep " + sweep.label();
            int expected = ref.get("n_spikes").asInt();
            if (sweep.spikeCount() != expected) {
                failures.add(at + ": " + sweep.spikeCount() + " spikes, reference " + expected);
            } else if (expected > 0) {
                var first = sweep.spikes().spikes().get(0);
                check(failures, at + " first_threshold_t", first.thresholdT(), ref.get("first_threshold_t").asDouble(), 2e-4);
                check(failures, at + " first_peak_v", first.peakV(), ref.get("first_peak_v").asDouble(), 0.5);
            }
        }

        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = cell.get("features").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            Double reference = e.getValue().isNull() ? null : e.getValue().asDouble();
            Double value = features.value(name);
            if (!ReferenceAgreement.agrees(name, value, reference)) {
                failures.add(String.format(Locale.ROOT, "%s %s: %s, reference %s (tolerance %.4g)%s", file, name, value,
                        reference, ReferenceAgreement.tolerance(name),
                        value == null ? ": " + features.reason(name) : ""));
            }
            compared++;
        }
        System.out.printf(Locale.ROOT, "%s: %d sweeps, %d features compared, %d disagreements%n", file,
                features.sweeps().size(), compared, failures.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(compared >= 5, file + ": the reference lists " + compared + " features");
    }

    private static void check(List<String> failures, String what, double value, double reference, double tolerance) {
        if (Math.abs(value - reference) > tolerance) {
            failures.add(String.format(Locale.ROOT, "%s: %.6g, reference %.6g (tolerance %.2g)", what, value, reference,
                    tolerance));
        }
    }
}
