package org.patchmap.core.sweep;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayTraceTest {
    /** 1.5 s at 100 kHz: a noisy baseline, a 1 ms spike at 0.5 s, a step current from 0.2 s to 1.2 s. */
    private static Sweep sweep() {
        int n = 150_000;
        double[] v = new double[n];
        double[] i = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = -70 + 0.2 * Math.sin(k * 0.37) + (k >= 50_000 && k < 50_100 ? 100 : 0);
            i[k] = k >= 20_000 && k < 120_000 ? 150 : 0;
        }
        return new Sweep(4, "sweep 4", 100_000, v, i);
    }

    @Test
    void eachBucketKeepsItsMinimumAndMaximum() {
        Sweep s = sweep();
        DisplayTrace d = DisplayTrace.of(s, 2000, -1, -1);
        assertTrue(d.voltageMv().size() <= 2000, d.voltageMv().size() + " points");
        assertTrue(d.voltageMv().size() >= 1900, d.voltageMv().size() + " points");
        assertEquals(-1, d.fullFrom());
        increasing(d.voltageMv().index());
        int n = s.voltageMv().length;
        for (int b = 0; b < 1000; b++) {
            int start = (int) ((long) b * n / 1000);
            int end = (int) ((long) (b + 1) * n / 1000);
            double[] bucket = Arrays.copyOfRange(s.voltageMv(), start, end);
            double min = Arrays.stream(bucket).min().orElseThrow();
            double max = Arrays.stream(bucket).max().orElseThrow();
            assertTrue(contains(d.voltageMv(), start, end, min), "bucket " + b + " min");
            assertTrue(contains(d.voltageMv(), start, end, max), "bucket " + b + " max");
        }
        // the spike's 100 mV peak survives, and each value is the sample at its index
        assertEquals(30.2, Arrays.stream(d.voltageMv().values()).max().orElseThrow(), 0.01);
        for (int k = 0; k < d.voltageMv().size(); k++) {
            assertEquals(s.voltageMv()[d.voltageMv().index()[k]], d.voltageMv().values()[k]);
        }
        // the step current: its flat buckets keep one point, the two edges are kept
        assertTrue(d.currentPa().size() <= 1002, d.currentPa().size() + " current points");
        assertTrue(contains(d.currentPa(), 19_950, 20_000, 0.0) && contains(d.currentPa(), 20_000, 20_100, 150.0));
    }

    @Test
    void theFullResolutionStretchIsKeptSampleForSample() {
        Sweep s = sweep();
        DisplayTrace d = DisplayTrace.of(s, 2000, 49_800, 51_000);
        assertEquals(49_800, d.fullFrom());
        assertEquals(51_000, d.fullTo());
        int[] index = d.voltageMv().index();
        increasing(index);
        int at = Arrays.binarySearch(index, 49_800);
        assertTrue(at >= 0);
        for (int k = 0; k < 1200; k++) {
            assertEquals(49_800 + k, index[at + k]);
            assertEquals(s.voltageMv()[49_800 + k], d.voltageMv().values()[at + k]);
        }
        assertTrue(d.voltageMv().size() <= 2000 + 1200 + 6, d.voltageMv().size() + " points");
    }

    @Test
    void aShortSweepIsKeptWhole() {
        Sweep s = new Sweep(1, "sweep 1", 10_000, new double[]{1, 2, 3}, new double[]{0, 0, 0});
        DisplayTrace d = DisplayTrace.of(s, 2000, -1, -1);
        assertArrayEquals(new int[]{0, 1, 2}, d.voltageMv().index());
        assertArrayEquals(new double[]{1, 2, 3}, d.voltageMv().values());
        assertThrows(IllegalArgumentException.class, () -> DisplayTrace.of(s, 1, -1, -1));
    }

    @Test
    void aNanGapStaysAGap() {
        double[] v = new double[10_000];
        Arrays.fill(v, -65);
        Arrays.fill(v, 9_000, 10_000, Double.NaN);
        Sweep s = new Sweep(2, "sweep 2", 10_000, v, new double[10_000]);
        DisplayTrace d = DisplayTrace.of(s, 200, -1, -1);
        long nans = Arrays.stream(d.voltageMv().values()).filter(Double::isNaN).count();
        assertEquals(10, nans); // the first NaN of each of the last 10 buckets
        assertTrue(d.voltageMv().size() <= 300);
    }

    @Test
    void codecRoundTrip() {
        Sweep s = sweep();
        List<DisplayTrace> traces = List.of(DisplayTrace.of(s, 2000, 49_800, 51_000), DisplayTrace.of(s, 500, -1, -1));
        byte[] bytes = DisplayCodec.encode(traces);
        assertTrue(bytes.length < 40_000, bytes.length + " bytes");
        List<DisplayTrace> back = DisplayCodec.decode(bytes);
        assertEquals(2, back.size());
        for (int k = 0; k < 2; k++) {
            DisplayTrace a = traces.get(k);
            DisplayTrace b = back.get(k);
            assertEquals(a.sweepNumber(), b.sweepNumber());
            assertEquals(a.name(), b.name());
            assertEquals(a.samplingRateHz(), b.samplingRateHz());
            assertEquals(a.samples(), b.samples());
            assertEquals(a.fullFrom(), b.fullFrom());
            assertEquals(a.fullTo(), b.fullTo());
            assertArrayEquals(a.voltageMv().index(), b.voltageMv().index());
            assertArrayEquals(a.currentPa().index(), b.currentPa().index());
            assertArrayEquals(a.voltageMv().values(), b.voltageMv().values(), 1e-5);
            assertArrayEquals(a.currentPa().values(), b.currentPa().values(), 1e-5);
        }
        assertEquals("display traces are truncated", assertThrows(IllegalArgumentException.class,
                () -> DisplayCodec.decode(Arrays.copyOf(bytes, bytes.length / 2))).getMessage());
    }

    private static void increasing(int[] index) {
        for (int k = 1; k < index.length; k++) {
            assertTrue(index[k] > index[k - 1], "index " + k);
        }
    }

    private static boolean contains(DisplayTrace.Points p, int from, int to, double value) {
        for (int k = 0; k < p.size(); k++) {
            if (p.index()[k] >= from && p.index()[k] < to && p.values()[k] == value) {
                return true;
            }
        }
        return false;
    }
}
