package org.patchmap.core.protocol;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlateauSegmenterTest {
    private static void assertIndex(int expected, int actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1, what + ": expected " + expected + " ±1, was " + actual);
    }

    @Test
    void idealStepsAreCutAtTheirFirstSample() {
        Stimuli s = Stimuli.of(20000, 1.0).level(0.2781, 0.5781, -100).level(0.5781, 0.9, 250);
        List<Plateau> ps = PlateauSegmenter.segment(s.i, 20000);
        assertEquals(4, ps.size(), ps.toString());
        assertEquals(new Plateau(0, 5562, 0), ps.get(0));
        assertEquals(new Plateau(5562, 11562, -100), ps.get(1));
        assertEquals(new Plateau(11562, 18000, 250), ps.get(2));
        assertEquals(new Plateau(18000, 20000, 0), ps.get(3));
    }

    @Test
    void stepsOffTheBlockGridAndSmallStepsStillExact() {
        // 10 pA step at a sample that is not a block boundary (block = 20 samples)
        Stimuli s = Stimuli.of(20000, 1.5).level(0.3234, 0.8234, 0).level(0.02345, 0.3234, -100)
                .level(0.82345, 1.3234, 10);
        List<Plateau> ps = PlateauSegmenter.segment(s.i, 20000);
        assertEquals(List.of(469, 6468, 16469, 26468), ps.stream().skip(1).map(Plateau::startIndex).toList());
        assertEquals(10.0, ps.get(3).levelPa());
    }

    @Test
    void briefExcursionsDoNotSplitAPlateau() {
        Stimuli s = Stimuli.of(20000, 1.0).level(0.1, 0.6, 200).add(0.3, 0.3025, -150).add(0.7, 0.701, 80);
        List<Plateau> ps = PlateauSegmenter.segment(s.i, 20000);
        assertEquals(3, ps.size(), ps.toString());
        assertEquals(2000, ps.get(1).startIndex());
        assertEquals(12000, ps.get(1).endIndex());
        assertEquals(3, PlateauSegmenter.analyse(s.i, 20000).excursions().size() + 1); // the two pulses
    }

    @Test
    void smoothedEdgesAreCutHalfWay() {
        Stimuli s = Stimuli.of(20000, 1.16).level(0.1, 0.6, 402.7).smooth(0.5);
        List<Plateau> ps = PlateauSegmenter.segment(s.i, 20000);
        assertEquals(3, ps.size(), ps.toString());
        assertIndex(2000, ps.get(1).startIndex(), "start");
        assertIndex(12000, ps.get(1).endIndex(), "end");
        assertEquals(402.7, ps.get(1).levelPa(), 1e-6);
    }

    @Test
    void noisyRecordedCurrentWithOffsetAndTransientsSegmentsLikeTheCommand() {
        for (int seed = 1; seed <= 20; seed++) {
            Random rnd = new Random(seed);
            Stimuli s = Stimuli.of(10000, 2.0).level(0.0817, 1.0817, 25).recorded(-75, 3, 15, rnd);
            List<Plateau> ps = PlateauSegmenter.segment(s.i, 10000);
            assertEquals(3, ps.size(), "seed " + seed + ": " + ps);
            assertIndex(817, ps.get(1).startIndex(), "seed " + seed + " start");
            assertIndex(10817, ps.get(1).endIndex(), "seed " + seed + " end");
            assertEquals(-50, ps.get(1).levelPa(), 1.0);
            assertEquals(-75, ps.get(0).levelPa(), 1.0);
        }
    }

    @Test
    void rampsNoiseAndChirpsHaveNoLongPlateau() {
        Random rnd = new Random(7);
        List<Stimuli> stimuli = List.of(
                Stimuli.of(20000, 3).ramp(0.1, 2.9, 0, 280),
                Stimuli.of(20000, 3).ramp(0.1, 2.9, 0, 70), // 25 pA/s, the Allen ramp
                Stimuli.of(20000, 3).noise(0.2, 2.8, 40, rnd).add(0.2, 2.8, 100),
                Stimuli.of(20000, 3).chirp(0.2, 2.8, 100, 0.5, 40));
        for (Stimuli s : stimuli) {
            List<Plateau> ps = PlateauSegmenter.segment(s.i, 20000);
            long inside = ps.stream().filter(p -> p.startIndex() >= 4000 && p.endIndex() <= 56000
                    && p.durationS(20000) >= 0.25).count();
            assertEquals(0, inside, ps.size() + " plateaus");
            assertTrue(ps.size() > 10, ps.size() + " plateaus");
        }
    }
}
