package org.patchmap.core.recording.abf;

import org.junit.jupiter.api.Test;
import org.patchmap.testing.SharedData;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real ABF files of ../shared/data/cells/abf, checked against their PROVENANCE.tsv descriptions and the ipfx reference. */
class AbfReaderTest {

    private static Recording read(String name) throws Exception {
        return AbfReader.read(SharedData.cell(name));
    }

    private static void assertGeometry(Recording r, int sweeps, double rateHz, int samples) {
        assertEquals("abf", r.format());
        assertEquals(sweeps, r.sweeps().size());
        for (int s = 0; s < sweeps; s++) {
            Sweep sw = r.sweeps().get(s);
            assertEquals(s, sw.sweepNumber());
            assertEquals("sweep " + s, sw.name());
            assertEquals(rateHz, sw.samplingRateHz(), 1e-9);
            assertEquals(samples, sw.voltageMv().length);
            assertEquals(samples, sw.currentPa().length);
        }
    }

    private static void assertVoltageStartsIn(Recording r, double lo, double hi) {
        for (Sweep s : r.sweeps()) {
            for (int k = 0; k < 10; k++) {
                double v = s.voltageMv()[k];
                assertTrue(v >= lo && v <= hi, s.name() + " v[" + k + "] = " + v + " mV");
            }
        }
    }

    /** The command is exactly {@code level} on [from, to) and {@code outside} just before and at {@code to}. */
    private static void assertStep(Sweep s, int from, int to, double level, double outside) {
        double[] i = s.currentPa();
        assertEquals(outside, i[from - 1], 1e-9, s.name() + " before the step");
        for (int k = from; k < to; k++) {
            assertEquals(level, i[k], 1e-9, s.name() + " sample " + k);
        }
        assertEquals(outside, i[to], 1e-9, s.name() + " after the step");
    }

    private static double median(double[] x, int from, int to) {
        double[] c = Arrays.copyOfRange(x, from, to);
        Arrays.sort(c);
        return c[c.length / 2];
    }

    @Test
    void abf2TwoStepProtocol171116() throws Exception {
        Recording r = read("171116sh_0018.abf");
        assertGeometry(r, 17, 20000, 60000);
        assertVoltageStartsIn(r, -70, -55);
        // 1/64 of 60000 = 937 samples of holding, epoch A 2000 samples at 0: the step starts at 2937 = 0.14685 s
        // (the ipfx window [0.14685, 0.64685) s) and lasts 10000 samples
        for (int s = 0; s < 17; s++) {
            double level = -100 + 25 * s;
            assertStep(r.sweeps().get(s), 2937, 12937, level, 0);
            // epochs C (0 pA), D (-100 pA, 0.5 s) and E (second step), then holding to the end
            double[] i = r.sweeps().get(s).currentPa();
            assertEquals(-100, i[22937 + 5000], 1e-9);
            assertEquals(level, i[32937 + 5000], 1e-9);
            assertEquals(0, i[42937], 1e-9);
            assertEquals(0, i[59999], 1e-9);
        }
        assertEquals(2937 / 20000.0, 0.14685, 1e-12);
        assertEquals("2017-11-16T14:08:10.748", r.subject().sessionStart());
        assertEquals("L:\\Protocols\\permanent\\0113 steps dual -100 to 300 step 25.pro", r.subject().description());
        assertEquals("5689DB34-B07E-456A-811C-44E9BE92FBC6", r.subject().cellId());
        assertNull(r.subject().species());
        assertTrue(r.skipped().isEmpty());
    }

    @Test
    void abf20FileAxon5() throws Exception {
        Recording r = read("File_axon_5.abf");
        assertGeometry(r, 9, 20000, 20000);
        assertVoltageStartsIn(r, -80, -65);
        // 312 + 4000 = 4312 samples = 0.2156 s (the ipfx window [0.2156, 0.7156) s)
        for (int s = 0; s < 9; s++) {
            assertStep(r.sweeps().get(s), 4312, 14312, -100 + 50 * s, 0);
        }
        assertEquals("2007-02-09T12:54:55.828", r.subject().sessionStart());
        assertEquals("C:\\Axon\\Params\\step cclamp.pro", r.subject().description());
    }

    @Test
    void abf26IcSteps17o05028() throws Exception {
        Recording r = read("17o05028_ic_steps.abf");
        assertGeometry(r, 16, 20000, 60000);
        assertVoltageStartsIn(r, -65, -40);
        for (int s = 0; s < 16; s++) {
            assertStep(r.sweeps().get(s), 2937, 12937, -50 + 10 * s, 0);
        }
    }

    @Test
    void abf26FastSpikingInterneuron() throws Exception {
        Recording r = read("2019_07_24_0055_fsi.abf");
        assertGeometry(r, 17, 20000, 60000);
        assertVoltageStartsIn(r, -70, -40);
        for (int s = 0; s < 17; s++) {
            assertStep(r.sweeps().get(s), 2937, 12937, -100 + 25 * s, 0);
        }
        // the same GUID as 171116sh_0018.abf: a GUID is not a unique cell id
        assertEquals("5689DB34-B07E-456A-811C-44E9BE92FBC6", r.subject().cellId());
    }

    @Test
    void abf26PrePulseThenStep18711001() throws Exception {
        Recording r = read("18711001.abf");
        assertGeometry(r, 30, 20000, 30000);
        assertVoltageStartsIn(r, -75, -60);
        // 468 samples of holding, 0.3 s at -100 pA, 0.5 s at 0, then 0.5 s at 10*i pA
        for (int s = 0; s < 30; s++) {
            Sweep sw = r.sweeps().get(s);
            assertStep(sw, 468, 6468, -100, 0);
            if (s > 0) {
                assertStep(sw, 16468, 26468, 10 * s, 0);
            }
        }
    }

    @Test
    void abf29TwoChannelsUsesTheCommandNotTheRecordedCurrent() throws Exception {
        Recording r = read("2020_03_02_0000.abf");
        assertGeometry(r, 16, 10000, 20000);
        // 'Potential' (mV) starts near -3.3 mV and follows the steps linearly (~0.5 mV/pA, no spikes):
        // a model cell or a cell that is not a neuron at rest; the reader reports what the header scales to
        assertVoltageStartsIn(r, -5, -2);
        for (int s = 0; s < 16; s++) {
            assertStep(r.sweeps().get(s), 1312, 6312, -200 + 50 * s, 0);
        }
        assertEquals(1, r.skipped().size());
        assertEquals("ADC 'I_Com' (pA)", r.skipped().get(0).name());
        double[] v0 = r.sweeps().get(0).voltageMv();
        assertEquals(-104, median(v0, 3000, 6000), 2);
    }

    @Test
    void abf1Pyr2UsesTheRecordedCurrentInPa() throws Exception {
        Recording r = read("PYR2.abf");
        assertGeometry(r, 13, 10000, 20000);
        assertVoltageStartsIn(r, -63, -58);
        for (int s = 0; s < 13; s++) {
            double[] i = r.sweeps().get(s).currentPa();
            double holding = median(i, 0, 750);
            assertEquals(-75, holding, 5, "recorded holding current, sweep " + s);
            // the step starts at 312 + 500 = 812 samples (0.0812 s) and lasts 1 s: 25..323 pA above holding
            double step = median(i, 900, 10700) - holding;
            assertEquals(s == 12 ? 323.2 : 25 * (s + 1), step, 2, "sweep " + s);
            assertEquals(0, median(i, 11000, 19000) - holding, 2);
            // noisy, not an ideal command
            assertTrue(Arrays.stream(i, 0, 750).max().getAsDouble() - Arrays.stream(i, 0, 750).min().getAsDouble() > 10);
        }
        assertEquals("DAC 'Cmd 0' (mV)", r.skipped().get(0).name());
        assertEquals("2012-07-27T13:57:03.781", r.subject().sessionStart());
        assertEquals("C:\\Axon\\Params\\Carey protocols\\cc25pA1s.pro", r.subject().description());
        assertEquals("7E5EE2A9-31CB-46E7-AD30-562F9F1A0FD6", r.subject().cellId());
    }

    @Test
    void abf1Pyr5ReboundConvertsNanoamperes() throws Exception {
        Recording r = read("PYR5_rebound.abf");
        assertGeometry(r, 10, 10000, 20000);
        assertVoltageStartsIn(r, -45, -37);
        for (int s = 0; s < 10; s++) {
            double[] i = r.sweeps().get(s).currentPa();
            double holding = median(i, 0, 750);
            assertEquals(49.4, holding, 2, "holding current in pA (Imemb is in nA, telegraph gain 2), sweep " + s);
            assertEquals(-25 * (s + 1), median(i, 900, 10700) - holding, 2.5, "sweep " + s);
        }
    }
}
