package org.patchmap.core.recording.nwb;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchmap.core.TestData;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.abf.AbfReader;
import org.patchmap.core.sweep.Sweep;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NwbReader against AbfReader on the Ferguson et al. pairs (the NWB files are pynwb conversions of
 * the ABF files, float32 in V and A): two independent readers, one recording. PYR2's NWB sweep
 * number n is the ABF's episode n - 1; PYR5's conversion numbers the episodes in reverse, so its
 * sweep number n is the ABF's episode 10 - n (NWB sweep 1 = the -248 pA step, the ABF's last).
 */
class NwbAbfCrossCheckTest {
    @ParameterizedTest
    @CsvSource({"PYR2.abf, FergusonEtAl2015_PYR2.nwb, 13, false",
            "PYR5_rebound.abf, FergusonEtAl2015_PYR5_rebound.nwb, 10, true"})
    void nwbSweepsEqualAbfSweeps(String abf, String nwb, int sweeps, boolean reversed) throws Exception {
        Recording a = AbfReader.read(TestData.cell(abf));
        Recording n = NwbReader.read(TestData.cell(nwb));
        assertEquals(sweeps, a.sweeps().size());
        assertEquals(sweeps, n.sweeps().size());
        double worstV = 0;
        double worstI = 0;
        for (Sweep ns : n.sweeps()) {
            int episode = reversed ? sweeps - ns.sweepNumber() : ns.sweepNumber() - 1;
            Sweep as = a.sweeps().get(episode);
            assertEquals(episode, as.sweepNumber());
            assertEquals(as.samplingRateHz(), ns.samplingRateHz(), 1e-9);
            assertEquals(as.voltageMv().length, ns.voltageMv().length);
            for (int k = 0; k < ns.voltageMv().length; k++) {
                worstV = Math.max(worstV, Math.abs(as.voltageMv()[k] - ns.voltageMv()[k]));
                worstI = Math.max(worstI, Math.abs(as.currentPa()[k] - ns.currentPa()[k]));
            }
        }
        System.out.printf(Locale.ROOT, "NwbReader vs AbfReader %s: max |dV| %.2e mV, max |dI| %.2e pA%n", nwb, worstV,
                worstI);
        assertTrue(worstV < 1e-3, "voltage differs from the ABF by " + worstV + " mV");
        assertTrue(worstI < 1e-2, "current differs from the ABF by " + worstI + " pA");
    }
}
