package org.patchmap.core.spikes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchmap.core.TestData;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.abf.AbfReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real cells of golden/ipfx-reference.json through the whole path (reader, long-square family,
 * spike detection): for every reference sweep the spike count exactly, the first spike's threshold
 * time within 0.2 ms and its peak within 0.5 mV (spec section 7). Cells whose format has no reader
 * on this branch are skipped (reported as aborted), never passed silently.
 */
class SpikeGoldenTest {
    private final SpikeDetector detector = new SpikeDetector();

    @TestFactory
    List<DynamicTest> everyGoldenSweepAgreesWithIpfx() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode cell : TestData.goldenCells()) {
            String file = cell.get("file").asText();
            tests.add(DynamicTest.dynamicTest(file, () -> check(cell, file)));
        }
        return tests;
    }

    private void check(JsonNode cell, String file) throws Exception {
        Path path = TestData.cell(file);
        Assumptions.assumeTrue(file.endsWith(".abf"), file + ": no NWB reader on this branch yet");
        Recording rec = AbfReader.read(path);
        SweepFamily family = LongSquareDetector.detect(rec);
        double refStart = cell.get("window_s").get(0).asDouble();
        double refEnd = cell.get("window_s").get(1).asDouble();
        System.out.printf(Locale.ROOT, "%s: window [%.5f, %.5f] s (reference [%.5f, %.5f])%n", file, family.startS(),
                family.endS(), refStart, refEnd);
        List<String> failures = new ArrayList<>();
        int sweeps = 0;
        int spikes = 0;
        double worstT = 0;
        double worstV = 0;
        for (JsonNode ref : cell.get("sweeps")) {
            int number = ref.get("sweep").asInt();
            FamilySweep member = family.sweeps().stream().filter(m -> m.sweep().sweepNumber() == number).findFirst()
                    .orElse(null);
            assertNotNull(member, file + ": sweep " + number + " not in the detected family");
            SpikeTrain train = detector.detect(member.sweep(), family.startS(), family.endS());
            int expected = ref.get("n_spikes").asInt();
            String line = String.format(Locale.ROOT, "  sweep %2d %7.1f pA: %2d spikes (ref %2d)", number,
                    member.amplitudePa(), train.spikes().size(), expected);
            if (train.spikes().size() != expected) {
                failures.add(file + " sweep " + number + ": " + train.spikes().size() + " spikes, reference " + expected);
            }
            sweeps++;
            spikes += expected;
            if (ref.has("first_threshold_t") && !train.spikes().isEmpty()) {
                Spike first = train.spikes().get(0);
                double dt = first.thresholdT() - ref.get("first_threshold_t").asDouble();
                double dv = first.peakV() - ref.get("first_peak_v").asDouble();
                worstT = Math.max(worstT, Math.abs(dt));
                worstV = Math.max(worstV, Math.abs(dv));
                line += String.format(Locale.ROOT, "; first threshold %.5f s (%+.2f ms), peak %.3f mV (%+.3f)",
                        first.thresholdT(), dt * 1e3, first.peakV(), dv);
                if (Math.abs(dt) > 0.2e-3) {
                    failures.add(String.format(Locale.ROOT, "%s sweep %d: first threshold off by %.3f ms", file, number,
                            dt * 1e3));
                }
                if (Math.abs(dv) > 0.5) {
                    failures.add(String.format(Locale.ROOT, "%s sweep %d: first peak off by %.3f mV", file, number, dv));
                }
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "%s: %d sweeps, %d reference spikes; worst first threshold %.3f ms, "
                + "worst first peak %.3f mV; %d disagreements%n", file, sweeps, spikes, worstT * 1e3, worstV,
                failures.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(cell.get("sweeps").size(), sweeps);
    }
}
