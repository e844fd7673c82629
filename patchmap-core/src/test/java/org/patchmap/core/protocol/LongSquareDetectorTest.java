package org.patchmap.core.protocol;

import org.junit.jupiter.api.Test;
import org.patchmap.core.sweep.Sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Synthetic files modelled on the real recordings' protocols (see spec section 1 and the golden file). */
class LongSquareDetectorTest {

    private static List<Sweep> sweeps(int from, int to, IntFunction<Stimuli> make) {
        List<Sweep> out = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            out.add(make.apply(k).sweep(k));
        }
        return out;
    }

    private static void assertWindow(SweepFamily f, double start, double end) {
        double sample = 1 / f.samplingRateHz();
        assertEquals(start, f.startS(), sample + 1e-9, "start");
        assertEquals(end, f.endS(), sample + 1e-9, "end");
    }

    private static void assertFamily(SweepFamily f, List<Integer> labels, double... amplitudes) {
        assertFamilyWithin(0.5, f, labels, amplitudes);
    }

    private static void assertFamilyWithin(double tolerancePa, SweepFamily f, List<Integer> labels,
                                           double... amplitudes) {
        assertEquals(labels, f.sweeps().stream().map(FamilySweep::label).toList(), "family");
        for (int k = 0; k < amplitudes.length; k++) {
            assertEquals(amplitudes[k], f.sweeps().get(k).amplitudePa(), tolerancePa,
                    "amplitude of sweep " + labels.get(k));
        }
    }

    private static double[] steps(double first, double step, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = Math.round((first + step * k) * 10) / 10.0;
        }
        return out;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            out.add(k);
        }
        return out;
    }

    /** 19926019.nwb: sweep 0 = −100 pA for 1.0 s; sweeps 1..12: −100 pA 0.3 s pre-pulse, then 0.7 s at −50..+500. */
    static List<Sweep> file19926019() {
        List<Sweep> out = new ArrayList<>();
        out.add(Stimuli.of(20000, 5).level(0.2781, 1.2781, -100).sweep(0));
        out.addAll(sweeps(1, 12, k -> Stimuli.of(20000, 5).level(0.2781, 0.5781, -100)
                .level(0.5781, 1.2781, -50 + 50 * (k - 1))));
        return out;
    }

    @Test
    void prePulseFamilyLike19926019() throws Exception {
        SweepFamily f = LongSquareDetector.detect("19926019.nwb", file19926019());
        assertWindow(f, 0.5781, 1.2781);
        assertFamily(f, range(1, 12), steps(-50, 50, 12));
        assertEquals(List.of(SweepFamily.PRE_PULSE), f.flags());
        assertEquals(1, f.skipped().size());
        SkippedSweep s0 = f.skipped().get(0);
        assertEquals(0, s0.label());
        assertEquals("other protocol", s0.kind().wire());
        assertTrue(s0.reason().contains("long square -100.0 pA at 0.2781–1.2781 s"), s0.reason());
    }

    @Test
    void smoothedCommandLikeLantyer() throws Exception {
        List<Sweep> ss = sweeps(1, 10, k -> Stimuli.of(20000, 1.16).level(0.10015, 0.60015, 40.27 * k).smooth(0.5));
        SweepFamily f = LongSquareDetector.detect("LantyerEtAl2018_180817_ME_9_CC.nwb", ss);
        assertWindow(f, 0.10015, 0.60015);
        assertFamily(f, range(1, 10), 40.3, 80.5, 120.8, 161.1, 201.4, 241.6, 281.9, 322.2, 362.4, 402.7);
        assertEquals(List.of(), f.flags());
    }

    @Test
    void recordedHyperpolarisingFamilyLikeFergusonPyr5() throws Exception {
        double[] amps = {-248.4, -223.7, -198.7, -173.8, -148.9, -124.1, -99.5, -74.5, -49.4, -24.7};
        for (int seed = 1; seed <= 5; seed++) {
            Random rnd = new Random(seed);
            List<Sweep> ss = sweeps(1, 10, k -> Stimuli.of(10000, 2).level(0.0817, 1.0817, amps[k - 1])
                    .recorded(49, 3, 10, rnd));
            SweepFamily f = LongSquareDetector.detect("FergusonEtAl2015_PYR5_rebound.nwb", ss);
            assertWindow(f, 0.0817, 1.0817);
            // the holding level is the median of its ~80 block medians of 1 ms (as the reference measures
            // it), which on this noise and these transients lies up to ~0.7 pA from the true level
            assertFamilyWithin(1.0, f, range(1, 10), amps);
            assertEquals(List.of(), f.flags(), "10 kHz is not low");
        }
    }

    @Test
    void recordedDepolarisingFamilyWithOffsetAndSpikeTransientsLikeFergusonPyr2() throws Exception {
        Random rnd = new Random(42);
        List<Sweep> ss = sweeps(1, 13, k -> {
            Stimuli s = Stimuli.of(10000, 2).level(0.0817, 1.0817, 25 * k).recorded(-75, 3, 0, rnd);
            for (int spike = 0; spike < 2 * k; spike++) { // spike-coupled transients during the step
                double t = 0.1 + 0.9 * rnd.nextDouble();
                s.add(t, t + 0.0008, 60).add(t + 0.0008, t + 0.002, -30);
            }
            return s;
        });
        SweepFamily f = LongSquareDetector.detect("FergusonEtAl2015_PYR2.nwb", ss);
        assertWindow(f, 0.0817, 1.0817);
        assertFamily(f, range(1, 13), steps(25, 25, 13));
    }

    @Test
    void dualProtocolLike171116sh0018TakesTheFirstStep() throws Exception {
        List<Sweep> ss = sweeps(0, 16, k -> Stimuli.of(20000, 3).level(0.14685, 0.64685, -100 + 25 * k)
                .level(1.14685, 1.64685, -100).level(1.64685, 2.14685, -100 + 25 * k));
        SweepFamily f = LongSquareDetector.detect("171116sh_0018.abf", ss);
        assertWindow(f, 0.14685, 0.64685);
        assertFamily(f, range(0, 16), steps(-100, 25, 17));
        assertEquals(List.of(), f.flags());
        assertEquals(List.of(), f.skipped());
    }

    @Test
    void plainStepsLikeFileAxon5() throws Exception {
        List<Sweep> ss = sweeps(0, 8, k -> Stimuli.of(20000, 1).level(0.2156, 0.7156, -100 + 50 * k));
        SweepFamily f = LongSquareDetector.detect("File_axon_5.abf", ss);
        assertWindow(f, 0.2156, 0.7156);
        assertFamily(f, range(0, 8), steps(-100, 50, 9));
        assertEquals(0.0, f.sweeps().get(2).amplitudePa());
    }

    @Test
    void fixedHyperpolarisingLevelIsNotTheEpochLike18711001() throws Exception {
        List<Sweep> ss = sweeps(0, 29, k -> Stimuli.of(20000, 1.5).level(0.0234, 0.3234, -100)
                .level(0.8234, 1.3234, 10 * k));
        SweepFamily f = LongSquareDetector.detect("18711001.abf", ss);
        assertWindow(f, 0.8234, 1.3234);
        assertFamily(f, range(0, 29), steps(0, 10, 30));
        assertEquals(List.of(), f.flags(), "the level before the step is holding: no pre-pulse");
    }

    @Test
    void rampOnlyFileHasNoLongSquare() {
        List<Sweep> ss = sweeps(0, 3, k -> Stimuli.of(20000, 3).ramp(0.1, 2.5, 0, 200 + 50 * k));
        NoLongSquareException e = assertThrows(NoLongSquareException.class, () -> LongSquareDetector.detect("PYR9.abf", ss));
        assertEquals("PYR9.abf: no long-square epoch: no plateau of at least 0.25 s whose level differs between "
                + "sweeps (4 sweeps, all ramp)", e.getMessage());
    }

    @Test
    void repeatedIdenticalStepsAreNotAFamily() {
        List<Sweep> ss = sweeps(1, 3, k -> Stimuli.of(20000, 1).level(0.1, 0.6, 50));
        NoLongSquareException e = assertThrows(NoLongSquareException.class, () -> LongSquareDetector.detect("same.nwb", ss));
        assertEquals("same.nwb: no long-square epoch: no plateau of at least 0.25 s whose level differs between "
                + "sweeps (3 sweeps, all other protocol; e.g. sweep 1: long square +50.0 pA at 0.1000–0.6000 s)",
                e.getMessage());
    }

    @Test
    void noSweeps() {
        NoLongSquareException e = assertThrows(NoLongSquareException.class, () -> LongSquareDetector.detect("x.nwb", List.of()));
        assertEquals("x.nwb: no long-square epoch: the file has no current-clamp sweeps", e.getMessage());
    }

    @Test
    void otherSweepsAreSkippedWithWhatTheyLookLike() throws Exception {
        List<Sweep> ss = sweeps(1, 5, k -> Stimuli.of(20000, 3).level(0.2, 1.2, -100 + 50 * k));
        ss.add(Stimuli.of(20000, 3).ramp(0.2, 2.5, 0, 300).sweep(6));
        ss.add(Stimuli.of(20000, 3).level(1.0, 1.003, 500).sweep(7));
        ss.add(Stimuli.of(20000, 3).level(1.0, 1.01, 500).sweep(8));
        ss.add(Stimuli.of(20000, 3).chirp(0.5, 2.5, 100, 0.5, 40).sweep(9));
        ss.add(Stimuli.of(20000, 3).noise(0.5, 2.5, 40, new Random(3)).add(0.5, 2.5, 100).sweep(10));
        ss.add(Stimuli.of(10000, 3).level(0.2, 1.2, 100).sweep(11));
        ss.add(Stimuli.of(20000, 2).level(0.2, 1.2, 100).sweep(12));
        SweepFamily f = LongSquareDetector.detect("mixed.nwb", ss);
        assertWindow(f, 0.2, 1.2);
        assertFamily(f, range(1, 5), steps(-50, 50, 5));
        List<String> kinds = f.skipped().stream().map(s -> s.kind().wire()).toList();
        assertEquals(List.of("ramp", "short square", "short square", "chirp", "noise", "other protocol",
                "other protocol"), kinds, f.skipped().toString());
        assertEquals(List.of(6, 7, 8, 9, 10, 11, 12), f.skipped().stream().map(SkippedSweep::label).toList());
        assertTrue(f.skipped().get(5).reason().startsWith("sampling rate 10000 Hz, the family's is 20000 Hz"),
                f.skipped().get(5).reason());
        assertTrue(f.skipped().get(6).reason().startsWith("length 2.0000 s, the family's sweeps are 3.0000 s"),
                f.skipped().get(6).reason());
    }

    @Test
    void fewSweepsAndLowSamplingRateAreFlagged() throws Exception {
        List<Sweep> ss = sweeps(1, 2, k -> Stimuli.of(5000, 1.5).level(0.1, 1.1, 50 * k));
        SweepFamily f = LongSquareDetector.detect("few.abf", ss);
        assertWindow(f, 0.1, 1.1);
        assertFamily(f, List.of(1, 2), 50, 100);
        assertEquals(List.of(SweepFamily.FEW_SWEEPS, SweepFamily.LOW_SAMPLING_RATE), f.flags());
        assertEquals(5000, f.samplingRateHz());
    }

    @Test
    void aSingleSweepWithAStepIsAFamilyOfOne() throws Exception {
        SweepFamily f = LongSquareDetector.detect("one.nwb", List.of(Stimuli.of(20000, 1).level(0.1, 0.6, 80).sweep(3)));
        assertWindow(f, 0.1, 0.6);
        assertFamily(f, List.of(3), 80);
        assertEquals(List.of(SweepFamily.FEW_SWEEPS), f.flags());
    }
}
