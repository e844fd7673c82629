package org.patchmap.sim;

import org.junit.jupiter.api.Test;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SkippedSweep;
import org.patchmap.core.protocol.StimulusKind;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions of several protocols: PatchMap's family detection picks the long squares out of them. */
class SessionTest {
    private static final RecordingConditions CONDITIONS = new RecordingConditions(RecordingConditions.PHYSIOLOGICAL_C,
            20_000, RecordingConditions.DEFAULT_STEP_MS, new Rig(0.1, 0, -2), 2008);

    @Test
    void familyDetectionPicksOnlyTheLongSquaresOfAMixedSessionAndTheirFeaturesEqualTheLongSquareOnlyRecordings()
            throws Exception {
        SimulatedCell cell = SimulatedCell.draw(CellType.REGULAR_SPIKING, 1, 2008).get(0);
        LongSquareProtocol longSquares = LongSquareProtocol.fiftyPaSteps();
        // long squares first, so their sweeps take the same noise draws as in the long-square-only recording
        Session session = new Session(List.of(longSquares, ShortSquareProtocol.threeMs(),
                new RampProtocol(25, 0.2, 4, 0.3), NoiseProtocol.pink()), CONDITIONS);
        Recording mixed = Simulator.record(cell, session);
        Recording only = Simulator.record(cell, longSquares, CONDITIONS);

        assertEquals(13 + 6 + 1 + 2, mixed.sweeps().size());
        assertEquals(session.stimulusNames(), mixed.sweeps().stream().map(s -> s.name().split(": ")[1]).toList());
        assertEquals("simulated sweep 13: Short Square", mixed.sweeps().get(13).name());
        assertEquals("simulated sweep 19: Ramp", mixed.sweeps().get(19).name());
        assertEquals("simulated sweep 21: Noise", mixed.sweeps().get(21).name());

        SweepFamily family = CellAnalysis.family(mixed);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                family.sweeps().stream().map(m -> m.sweep().sweepNumber()).toList());
        assertEquals(longSquares.amplitudes(), family.sweeps().stream().map(FamilySweep::amplitudePa).toList());
        assertEquals(List.of(), family.flags());
        List<StimulusKind> kinds = family.skipped().stream().map(SkippedSweep::kind).toList();
        assertEquals(List.of(StimulusKind.SHORT_SQUARE, StimulusKind.SHORT_SQUARE, StimulusKind.SHORT_SQUARE,
                StimulusKind.SHORT_SQUARE, StimulusKind.SHORT_SQUARE, StimulusKind.SHORT_SQUARE, StimulusKind.RAMP,
                StimulusKind.NOISE, StimulusKind.NOISE), kinds, family.skipped().toString());

        SweepFamily alone = CellAnalysis.family(only);
        for (int k = 0; k < 13; k++) {
            assertArrayEquals(alone.sweeps().get(k).sweep().voltageMv(), family.sweeps().get(k).sweep().voltageMv());
        }
        assertEquals(alone.startS(), family.startS());
        assertEquals(alone.endS(), family.endS());
        CellFeatures a = CellAnalysis.features(alone);
        CellFeatures b = CellAnalysis.features(family);
        assertEquals(a.values(), b.values());
    }

    @Test
    void shortSquaresAtTheLongSquaresOnsetAndLengthAreNotTakenForZeroPaLongSquares() throws Exception {
        SimulatedCell cell = SimulatedCell.draw(CellType.FAST_SPIKING, 1, 4).get(0);
        // short squares first: the group of 1 s sweeps is 6 short + 13 long squares
        Recording r = Simulator.record(cell, new Session(List.of(ShortSquareProtocol.threeMs(),
                LongSquareProtocol.fiftyPaSteps()), CONDITIONS));
        SweepFamily family = CellAnalysis.family(r);
        assertEquals(13, family.sweeps().size());
        assertTrue(family.sweeps().stream().allMatch(m -> m.sweep().name().endsWith(LongSquareProtocol.NAME)));
        assertEquals(6, family.skipped().size());
        assertTrue(family.skipped().stream().allMatch(s -> s.kind() == StimulusKind.SHORT_SQUARE), family.skipped()
                .toString());
    }

    @Test
    void aTestPulseThatMeetsTheStimulusIsRefused() {
        Rig rig = Rig.NONE.withTestPulse(TestPulse.minusFiftyPa(0.195));
        RecordingConditions c = new RecordingConditions(34, 20_000, 0.01, rig, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Session.of(LongSquareProtocol.fiftyPaSteps(), c));
        assertEquals("the test pulse at 0.195 s meets Long Square sweep 0's stimulus", e.getMessage());
    }

    @Test
    void everyLabPresetGivesALongSquareFamilyThatCoreFinds() throws Exception {
        SimulatedCell cell = SimulatedCell.draw(CellType.REGULAR_SPIKING, 1, 77).get(0);
        for (Lab lab : Lab.PRESETS) {
            Recording r = Simulator.record(cell, lab.session(5));
            SweepFamily family = CellAnalysis.family(r);
            LongSquareProtocol ls = (LongSquareProtocol) lab.protocols().get(0);
            int truncated = (int) r.sweeps().stream().limit(ls.sweepCount())
                    .filter(s -> s.durationS() < ls.sweepS() - 1e-9).count();
            System.out.printf("%s: %d sweeps, family of %d, flags %s, %d skipped, %d long squares truncated%n",
                    lab.name(), r.sweeps().size(), family.sweeps().size(), family.flags(), family.skipped().size(),
                    truncated);
            assertEquals(ls.sweepCount() - truncated, family.sweeps().size(), lab.name());
            assertEquals(ls.beforeS(), family.startS(), 1.0 / lab.samplingRateHz() + 1e-9, lab.name());
            assertEquals(lab == Lab.ROOM_TEMPERATURE_SLICE, family.flags().contains(SweepFamily.PRE_PULSE), lab.name());
            assertEquals(lab.samplingRateHz(), family.samplingRateHz());
            for (Sweep s : r.sweeps()) {
                assertTrue(s.name().startsWith("simulated sweep "), s.name());
            }
        }
    }
}
