package org.patchmap.core.spikes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.patchmap.core.numeric.Stats;
import org.patchmap.core.sweep.Sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spike detection, per-spike and train features against the independent numpy implementation of
 * the spec's rules in resources/features/make_spike_fixtures.py, with the spec's tolerances
 * (section 7: voltages 0.5 mV, times 0.2 ms, dV/dt 2 V/s, rates 0.01 Hz, dimensionless 0.01).
 */
class SpikeDetectorTest {
    private static final double MV = 0.5;
    private static final double S = 0.2e-3;
    private static final double VS = 2.0;
    private final SpikeDetector detector = new SpikeDetector();

    /** Worst deviations seen, printed for the report. */
    private final double[] worst = new double[3];

    @Test
    void syntheticTracesAgreeWithTheNumpyReference() {
        for (JsonNode c : SyntheticTrace.fixture("spikes.json").get("cases")) {
            String name = c.get("name").asText();
            Sweep s = SyntheticTrace.sweep(c);
            SpikeTrain train = detector.detect(s, c.get("start_s").asDouble(), c.get("end_s").asDouble());
            JsonNode exp = c.get("spikes");
            assertEquals(exp.size(), train.spikes().size(), name + ": spike count");
            for (int i = 0; i < exp.size(); i++) {
                Spike got = train.spikes().get(i);
                JsonNode e = exp.get(i);
                String at = name + " spike " + i + " ";
                assertEquals(e.get("clipped").asBoolean(), got.clipped(), at + "clipped");
                time(e, "threshold_t", got.thresholdT(), at);
                volt(e, "threshold_v", got.thresholdV(), at);
                time(e, "peak_t", got.peakT(), at);
                volt(e, "peak_v", got.peakV(), at);
                slope(e, "upstroke", got.upstroke(), at);
                slope(e, "downstroke", got.downstroke(), at);
                volt(e, "trough_v", got.troughV(), at);
                time(e, "fast_trough_t", got.fastTroughT(), at);
                volt(e, "fast_trough_v", got.fastTroughV(), at);
                time(e, "width", got.width(), at);
                near(e, "upstroke_downstroke_ratio", got.upstrokeDownstrokeRatio(), 0.01, at);
                // the same rules on the same dV/dt: the samples themselves agree
                assertEquals(e.get("threshold_index").asInt(), got.thresholdIndex(), at + "threshold index");
                assertEquals(e.get("peak_index").asInt(), got.peakIndex(), at + "peak index");
                assertEquals(e.get("upstroke_index").asInt(), got.upstrokeIndex(), at + "upstroke index");
            }
            JsonNode t = c.get("train");
            String at = name + " train ";
            assertEquals(t.get("avg_rate").asDouble(), train.avgRate(), 0.01, at + "avg_rate");
            near(t, "latency", train.latency(), S, at);
            near(t, "first_isi", train.firstIsi(), S, at);
            near(t, "mean_isi", train.meanIsi(), S, at);
            near(t, "median_isi", train.medianIsi(), S, at);
            near(t, "isi_cv", train.isiCv(), 0.01, at);
            near(t, "adapt", train.adapt(), 0.01, at);
        }
        System.out.printf(Locale.ROOT, "spikes vs numpy reference: worst |dV| %.3g mV, |dt| %.3g s, |d dV/dt| %.3g V/s%n",
                worst[0], worst[1], worst[2]);
    }

    @Test
    void aSpikeCutByTheWindowEndIsClippedWithNaNTroughFeatures() {
        JsonNode c = SyntheticTrace.fixture("spikes.json").get("cases").get(0); // adapting-20k
        SpikeTrain train = detector.detect(SyntheticTrace.sweep(c), 0.1, 0.9);
        Spike last = train.spikes().get(train.spikes().size() - 1);
        assertTrue(last.clipped());
        assertTrue(Double.isNaN(last.troughV()) && Double.isNaN(last.downstroke()) && Double.isNaN(last.width())
                && Double.isNaN(last.fastTroughV()) && Double.isNaN(last.upstrokeDownstrokeRatio()));
        assertTrue(last.upstroke() > 100 && last.peakV() > 0);
        assertFalse(train.spikes().get(0).clipped());
    }

    @Test
    void aSpikeWhoseThresholdFallsJustBeforeTheWindowIsKeptButNotCountedInAvgRate() {
        JsonNode c = SyntheticTrace.fixture("spikes.json").get("cases").get(4); // onset-transient-20k
        assertEquals("onset-transient-20k", c.get("name").asText());
        SpikeTrain train = detector.detect(SyntheticTrace.sweep(c), 0.1, 0.5);
        assertEquals(4, train.spikes().size());
        Spike first = train.spikes().get(0);
        assertEquals(1999, first.thresholdIndex()); // one sample before the window's first, 2000
        assertTrue(first.peakV() > 40, "the first AP itself, not the onset: " + first.peakV());
        assertEquals(first.thresholdT() - 0.1, train.latency(), 1e-12);
        assertTrue(train.latency() < 0);
        assertEquals(train.spikes().get(1).thresholdT() - first.thresholdT(), train.firstIsi(), 1e-12);
        assertEquals(3 / 0.4, train.avgRate(), 1e-12);
    }

    @Test
    void aSweepBelowThePeakFloorSkipsTheFilterAndGivesTheFullPathsTrain() {
        for (JsonNode c : SyntheticTrace.fixture("spikes.json").get("cases")) {
            Sweep s = SyntheticTrace.sweep(c);
            double[] v = s.voltageMv();
            double[] dvdt = Dvdt.of(s);
            SampleTimes times = SampleTimes.of(s.samplingRateHz(), v.length);
            double start = c.get("start_s").asDouble();
            double end = c.get("end_s").asDouble();
            // whole window, and windows where v stays below -25 mV although dV/dt crosses 20 V/s
            for (double[] w : new double[][]{{start, end}, {start, start + 0.0005}, {0, start}, {end, end + 0.05}}) {
                assertEquals(detector.detect(v, dvdt, times, w[0], w[1]), detector.detect(s, w[0], w[1]),
                        c.get("name").asText() + " " + Arrays.toString(w));
            }
        }
    }

    @Test
    void windowsSelectSpikesByThresholdTime() {
        JsonNode c = SyntheticTrace.fixture("spikes.json").get("cases").get(0);
        Sweep s = SyntheticTrace.sweep(c);
        SpikeTrain all = detector.detect(s, 0.1, 0.9);
        SpikeTrain part = detector.detect(s, 0.2, 0.6);
        long expected = all.spikes().stream().filter(x -> x.thresholdT() >= 0.2 && x.thresholdT() <= 0.6).count();
        assertEquals(expected, part.spikes().size());
        assertEquals(expected / 0.4, part.avgRate(), 1e-12);
        // a window reaching past the sweep's end is clipped to it, not an error
        SpikeTrain beyond = detector.detect(s, 0.1, 5.0);
        assertEquals(all.spikes().size(), beyond.spikes().size());
        assertEquals(all.spikes().size() / 4.9, beyond.avgRate(), 1e-12);
    }

    @Test
    void noSpikesGiveAnEmptyTrain() {
        JsonNode quiet = SyntheticTrace.fixture("spikes.json").get("cases").get(3);
        SpikeTrain t = detector.detect(SyntheticTrace.sweep(quiet), 0.1, 0.5);
        assertEquals(List.of(), t.spikes());
        assertEquals(0.0, t.avgRate());
        assertTrue(Double.isNaN(t.latency()) && Double.isNaN(t.firstIsi()) && Double.isNaN(t.isiCv())
                && Double.isNaN(t.adapt()) && Double.isNaN(t.meanIsi()) && Double.isNaN(t.medianIsi()));

        double[] flat = new double[20_000];
        Arrays.fill(flat, -65.0);
        Sweep constant = new Sweep(3, "flat", 20_000, flat, new double[flat.length]);
        assertEquals(0, detector.detect(constant, 0.1, 0.9).spikes().size());

        Sweep tiny = new Sweep(4, "tiny", 20_000, new double[]{-70, -69, -70}, new double[3]);
        assertEquals(0, detector.detect(tiny, 0, 1e-4).spikes().size());
    }

    @Test
    void invalidInputIsAnErrorNamingTheSweep() {
        double[] v = new double[2000];
        Arrays.fill(v, -70);
        v[1234] = Double.NaN;
        Sweep bad = new Sweep(7, "s7", 20_000, v, new double[v.length]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> detector.detect(bad, 0, 0.05));
        assertTrue(e.getMessage().contains("sweep 7") && e.getMessage().contains("sample 1234"), e.getMessage());

        double[] ok = new double[2000];
        Sweep good = new Sweep(8, "s8", 20_000, ok, new double[ok.length]);
        e = assertThrows(IllegalArgumentException.class, () -> detector.detect(good, 0.5, 0.9));
        assertTrue(e.getMessage().contains("sweep 8") && e.getMessage().contains("outside"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> detector.detect(good, -2, -1));
        assertThrows(IllegalArgumentException.class, () -> detector.detect(good, 0.05, 0.01));
        assertThrows(IllegalArgumentException.class, () -> detector.detect(good, Double.NaN, 0.05));
        Sweep empty = new Sweep(9, "s9", 20_000, new double[0], new double[0]);
        assertThrows(IllegalArgumentException.class, () -> detector.detect(empty, 0, 0.05));
    }

    @Test
    void aTrailingNaNRunIsCutOffAsIpfxCropsToTheRecording() {
        JsonNode c = SyntheticTrace.fixture("spikes.json").get("cases").get(0); // adapting-20k, 1 s
        Sweep s = SyntheticTrace.sweep(c);
        double[] cropped = Arrays.copyOf(s.voltageMv(), 18_000); // recording stops at 0.9 s
        double[] padded = Arrays.copyOf(cropped, 30_000);
        Arrays.fill(padded, 18_000, padded.length, Double.NaN);
        SpikeTrain expected = detector.detect(new Sweep(1, "cropped", 20_000, cropped, new double[cropped.length]),
                0.1, 0.9);
        SpikeTrain got = detector.detect(new Sweep(1, "padded", 20_000, padded, new double[padded.length]), 0.1, 0.9);
        assertEquals(expected, got);
        assertEquals(10, got.spikes().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> detector.detect(
                new Sweep(2, "padded", 20_000, padded, new double[padded.length]), 1.0, 1.4));
        assertTrue(e.getMessage().contains("outside the recorded sweep"), e.getMessage());
        double[] allNaN = new double[100];
        Arrays.fill(allNaN, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> detector.detect(
                new Sweep(3, "nan", 20_000, allNaN, new double[100]), 0, 0.004));
        assertTrue(e.getMessage().contains("sweep 3") && e.getMessage().contains("NaN"), e.getMessage());
        double[] inf = new double[100];
        inf[5] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> detector.detect(
                new Sweep(4, "inf", 20_000, inf, new double[100]), 0, 0.004));
        assertTrue(e.getMessage().contains("sample 5"), e.getMessage());
    }

    @Test
    void trainFeaturesFollowIpfx() {
        assertEquals(0.0, SpikeTrainFeatures.adaptation(new double[]{0, 0, 0}));
        assertTrue(Double.isNaN(SpikeTrainFeatures.adaptation(new double[]{0.1})));
        assertEquals((0.1 / 0.3 + 0.1 / 0.5) / 2, SpikeTrainFeatures.adaptation(new double[]{0.1, 0.2, 0.3}), 1e-15);
        assertEquals(0.25, Stats.median(new double[]{0.3, 0.1, 0.2, 0.4}), 1e-15);
    }

    private void volt(JsonNode e, String f, double got, String at) {
        worst[0] = Math.max(worst[0], near(e, f, got, MV, at));
    }

    private void time(JsonNode e, String f, double got, String at) {
        worst[1] = Math.max(worst[1], near(e, f, got, S, at));
    }

    private void slope(JsonNode e, String f, double got, String at) {
        worst[2] = Math.max(worst[2], near(e, f, got, VS, at));
    }

    /** Asserts a value (null/absent in the fixture = NaN here); returns the deviation. */
    private static double near(JsonNode e, String f, double got, double tol, String at) {
        JsonNode x = e.get(f);
        if (x == null || x.isNull()) {
            assertTrue(Double.isNaN(got), at + f + ": expected NaN, got " + got);
            return 0;
        }
        assertEquals(x.asDouble(), got, tol, at + f);
        return Math.abs(x.asDouble() - got);
    }
}
