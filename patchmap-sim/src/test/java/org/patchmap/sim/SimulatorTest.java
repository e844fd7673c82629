package org.patchmap.sim;

import org.junit.jupiter.api.Test;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorTest {
    /** Short, so that these tests stay fast: −100..+100 pA by 100, 0.3 s steps. */
    private static final LongSquareProtocol SHORT = new LongSquareProtocol(-100, 100, 100, 0.15, 0.3, 0.05);
    private static final Rig NOISY = new Rig(0.2, -20, 3);

    @Test
    void sameSeedGivesIdenticalSamples() {
        SimulatedCell a = SimulatedCell.draw(CellType.REGULAR_SPIKING, 2, 11).get(1);
        SimulatedCell b = SimulatedCell.draw(CellType.REGULAR_SPIKING, 2, 11).get(1);
        assertEquals(a, b);
        RecordingConditions c = new RecordingConditions(34, 25_000, 0.01, NOISY, 5);
        List<Sweep> first = Simulator.record(a, SHORT, c).sweeps();
        List<Sweep> second = Simulator.record(b, SHORT, c).sweeps();
        assertEquals(first.size(), second.size());
        for (int k = 0; k < first.size(); k++) {
            assertArrayEquals(first.get(k).voltageMv(), second.get(k).voltageMv(), "sweep " + k);
            assertArrayEquals(first.get(k).currentPa(), second.get(k).currentPa(), "sweep " + k);
        }
    }

    @Test
    void anotherSeedGivesAnotherCellAndOtherNoise() {
        SimulatedCell a = SimulatedCell.draw(CellType.REGULAR_SPIKING, 1, 11).get(0);
        SimulatedCell b = SimulatedCell.draw(CellType.REGULAR_SPIKING, 1, 12).get(0);
        assertNotEquals(a.membrane(), b.membrane());
        RecordingConditions c5 = new RecordingConditions(34, 20_000, 0.01, NOISY, 5);
        RecordingConditions c6 = new RecordingConditions(34, 20_000, 0.01, NOISY, 6);
        assertFalse(Arrays.equals(Simulator.record(a, SHORT, c5).sweeps().get(0).voltageMv(),
                Simulator.record(a, SHORT, c6).sweeps().get(0).voltageMv()));
    }

    @Test
    void recordingSaysItIsSimulated() {
        SimulatedCell cell = SimulatedCell.draw(CellType.FAST_SPIKING, 1, 3).get(0);
        Recording r = Simulator.record(cell, SHORT, RecordingConditions.ideal(22));
        assertEquals("simulated", r.format());
        assertTrue(r.fileName().contains("simulated"), r.fileName());
        assertTrue(r.subject().description().startsWith("simulated recording (not a real cell): fast_spiking"),
                r.subject().description());
        assertEquals("simulated", r.subject().subjectId());
        assertEquals("22.0 C", r.subject().temperature());
        assertTrue(r.sweeps().stream().allMatch(s -> s.name().startsWith("simulated sweep")));
    }

    @Test
    void longSquareDetectorFindsTheFamilyAtEverySamplingRateWithAmplitudesRelativeToHolding() throws Exception {
        SimulatedCell cell = SimulatedCell.draw(CellType.REGULAR_SPIKING, 1, 3).get(0);
        for (double rate : new double[]{10_000, 20_000, 25_000, 50_000}) {
            Recording r = Simulator.record(cell, SHORT, new RecordingConditions(34, rate, 0.01, NOISY, 1));
            SweepFamily family = CellAnalysis.family(r);
            assertEquals(rate, family.samplingRateHz());
            assertEquals(0.15, family.startS(), 1.0 / rate + 1e-9, "start at " + rate);
            assertEquals(0.45, family.endS(), 1.0 / rate + 1e-9, "end at " + rate);
            assertEquals(List.of(-100.0, 0.0, 100.0),
                    family.sweeps().stream().map(FamilySweep::amplitudePa).toList(), "amplitudes at " + rate);
        }
    }

    @Test
    void samplingRateAndStepMustFit() {
        assertThrows(IllegalArgumentException.class, () -> new RecordingConditions(34, 40_000, 0.01, Rig.NONE, 0));
        assertThrows(IllegalArgumentException.class, () -> new RecordingConditions(34, 20_000, 0.03, Rig.NONE, 0));
    }

    @Test
    void rigOffsetAndHoldingShowInTheSamples() {
        SimulatedCell cell = SimulatedCell.draw(CellType.REGULAR_SPIKING, 1, 3).get(0);
        Sweep ideal = Simulator.record(cell, SHORT, RecordingConditions.ideal(34)).sweeps().get(1);
        Sweep offset = Simulator.record(cell, SHORT, new RecordingConditions(34, 20_000, 0.01, new Rig(0, 0, 5), 0))
                .sweeps().get(1);
        Sweep held = Simulator.record(cell, SHORT, new RecordingConditions(34, 20_000, 0.01, new Rig(0, -30, 0), 0))
                .sweeps().get(1);
        assertEquals(ideal.voltageMv()[100] + 5, offset.voltageMv()[100], 1e-9);
        assertEquals(-30.0, held.currentPa()[0]);
        assertTrue(held.voltageMv()[100] < ideal.voltageMv()[100] - 1, "−30 pA holding hyperpolarises");
    }
}
