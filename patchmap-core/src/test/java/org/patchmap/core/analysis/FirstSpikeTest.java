package org.patchmap.core.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchmap.core.GoldenReference;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.ReferenceAgreement;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.spikes.Spike;
import org.patchmap.core.spikes.SpikeDetector;
import org.patchmap.core.spikes.SpikeWaveform;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.testing.SharedData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first action potential at full resolution on every reference cell that fires: the rheobase
 * sweep and its first spike are those of the cell's features (exactly) and of ipfx (spec 7's
 * tolerances), every sample from 2 ms before threshold to 5 ms after is there, and its dV/dt is the
 * one the upstroke feature was measured on.
 */
class FirstSpikeTest {
    @TestFactory
    List<DynamicTest> everyFiringReferenceCell() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode cell : GoldenReference.cells()) {
            if (cell.get("features").path("rheobase_i").isNumber()) {
                String file = cell.get("file").asText();
                tests.add(DynamicTest.dynamicTest(file, () -> check(cell, file)));
            }
        }
        assertEquals(6, tests.size());
        return tests;
    }

    private static void check(JsonNode cell, String file) throws Exception {
        SweepFamily family = CellAnalysis.family(SharedData.cell(file));
        CellFeatures features = CellAnalysis.features(family);
        FirstSpike first = CellAnalysis.firstSpike(family).orElseThrow();
        Spike spike = first.spike();
        JsonNode ref = cell.get("features");

        // the rheobase sweep and its first spike, as the cell's features saw them
        assertEquals(features.value("rheobase_i"), first.sweep().amplitudePa(), file);
        assertEquals(features.value("ap_1_threshold_v_0_long_square"), spike.thresholdV(), file);
        assertEquals(features.value("ap_1_peak_v_0_long_square"), spike.peakV(), file);
        assertEquals(features.value("latency_0_long_square"), spike.thresholdT() - family.startS(), file);

        // and as ipfx saw them
        for (String name : List.of("rheobase_i", "ap_1_threshold_v_0_long_square", "ap_1_peak_v_0_long_square",
                "latency_0_long_square")) {
            double got = switch (name) {
                case "rheobase_i" -> first.sweep().amplitudePa();
                case "ap_1_threshold_v_0_long_square" -> spike.thresholdV();
                case "ap_1_peak_v_0_long_square" -> spike.peakV();
                default -> spike.thresholdT() - family.startS();
            };
            assertTrue(ReferenceAgreement.agrees(name, got, ref.get(name).asDouble()),
                    file + " " + name + ": " + got + " vs ipfx " + ref.get(name).asDouble());
        }
        JsonNode refSweep = null;
        for (JsonNode s : cell.get("sweeps")) {
            if (s.get("sweep").asText().equals(String.valueOf(first.sweep().label()))) {
                refSweep = s;
            }
        }
        assertEquals(ref.get("rheobase_i").asDouble(), refSweep.get("amplitude_pA").asDouble(), 0.5, file);
        assertEquals(refSweep.get("first_threshold_t").asDouble(), spike.thresholdT(), 2e-4, file);
        assertEquals(refSweep.get("first_peak_v").asDouble(), spike.peakV(), 0.5, file);

        // every sample of [threshold − 2 ms, threshold + 5 ms]
        SpikeWaveform w = first.waveform();
        double rate = family.samplingRateHz();
        int before = (int) Math.round(0.002 * rate);
        int after = (int) Math.round(0.005 * rate);
        assertEquals(before + after + 1, w.size(), file);
        assertEquals(spike.thresholdIndex() - before, w.fromIndex(), file);
        double[] t = w.timeFromThresholdMs();
        assertEquals(-2.0, t[0], 1e-9, file);
        assertEquals(0.0, t[before], file);
        assertEquals(5.0, t[w.size() - 1], 1e-9, file);
        double[] v = first.sweep().sweep().voltageMv();
        assertEquals(Arrays.toString(Arrays.copyOfRange(v, w.fromIndex(), w.fromIndex() + w.size())),
                Arrays.toString(w.voltageMv()), file + ": the recording's own samples");
        assertEquals(spike.thresholdV(), w.voltageMv()[before], file);
        assertEquals(spike.peakV(), w.voltageMv()[spike.peakIndex() - w.fromIndex()], file);
        assertEquals(spike.peakV(), Arrays.stream(w.voltageMv()).max().orElseThrow(), file);

        // the upstroke feature is the maximum of this dV/dt from threshold to peak
        double upstroke = Arrays.stream(w.dvdtVs(), before, spike.peakIndex() - w.fromIndex()).max().orElseThrow();
        assertEquals(features.value("ap_1_upstroke_0_long_square"), upstroke, file);
    }

    @Test
    void stretchIsClippedToTheSweep() throws Exception {
        SweepFamily family = CellAnalysis.family(SharedData.cell("File_axon_5.abf"));
        FirstSpike first = CellAnalysis.firstSpike(family).orElseThrow();
        Sweep sweep = first.sweep().sweep();
        Spike spike = first.spike();
        SpikeDetector detector = new SpikeDetector();
        assertEquals("6", String.valueOf(first.sweep().label())); // 200 pA, rheobase
        assertEquals(5285, spike.thresholdIndex()); // 264.25 ms at 20 kHz

        // a second before threshold reaches back past the sweep start
        SpikeWaveform fromStart = SpikeWaveform.around(sweep, spike, detector, 1.0, 0.005);
        assertEquals(0, fromStart.fromIndex());
        assertEquals(5285 + 100 + 1, fromStart.size());
        assertEquals(-264.25, fromStart.timeFromThresholdMs()[0], 1e-9);

        // a recording that stops 20 samples after threshold: the last of them has no forward dV/dt
        int n = spike.thresholdIndex() + 20;
        Sweep cut = new Sweep(sweep.sweepNumber(), sweep.name(), sweep.samplingRateHz(),
                Arrays.copyOf(sweep.voltageMv(), n), Arrays.copyOf(sweep.currentPa(), n));
        SpikeWaveform toEnd = SpikeWaveform.around(cut, spike, detector, 0.002, 0.005);
        assertEquals(40 + 19, toEnd.size());
        assertEquals(0.9, toEnd.timeFromThresholdMs()[toEnd.size() - 1], 1e-9);
    }

    @Test
    void invalidStretchAndThresholdAreRefused() throws Exception {
        SweepFamily family = CellAnalysis.family(SharedData.cell("File_axon_5.abf"));
        FirstSpike first = CellAnalysis.firstSpike(family).orElseThrow();
        Sweep sweep = first.sweep().sweep();
        SpikeDetector detector = new SpikeDetector();
        assertEquals("sweep 6: invalid stretch around a spike: -0.002 s before, 0.005 s after",
                assertThrows(IllegalArgumentException.class,
                        () -> SpikeWaveform.around(sweep, first.spike(), detector, -0.002, 0.005)).getMessage());
        Sweep cut = new Sweep(6, sweep.name(), sweep.samplingRateHz(), Arrays.copyOf(sweep.voltageMv(), 5000),
                Arrays.copyOf(sweep.currentPa(), 5000));
        assertEquals("sweep 6: spike threshold at sample 5285 lies outside its 5000 recorded samples",
                assertThrows(IllegalArgumentException.class,
                        () -> SpikeWaveform.around(cut, first.spike(), detector, 0.002, 0.005)).getMessage());
    }

    @Test
    void hyperpolarisingOnlyCellHasNone() throws Exception {
        SweepFamily family = CellAnalysis.family(SharedData.cell("FergusonEtAl2015_PYR5_rebound.nwb"));
        assertTrue(CellAnalysis.firstSpike(family).isEmpty());
    }
}
