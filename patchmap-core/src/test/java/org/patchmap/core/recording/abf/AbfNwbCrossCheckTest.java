package org.patchmap.core.recording.abf;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchmap.core.TestData;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Ferguson et al. ABF1 files against their pynwb conversions (same data, float32 in V and A):
 * an independent check of the ABF1 scaling, telegraph gain and nA conversion. The PYR5 conversion
 * numbers its sweeps in reverse (its sweep_number 1 = the ABF's last episode, the -248 pA step);
 * the ABF's episode order is the acquisition order (-25 pA first) and is what the reader keeps.
 */
class AbfNwbCrossCheckTest {
    @ParameterizedTest
    @CsvSource({"PYR2.abf, FergusonEtAl2015_PYR2.nwb, 13, false",
            "PYR5_rebound.abf, FergusonEtAl2015_PYR5_rebound.nwb, 10, true"})
    void sameSamplesAsTheNwbConversion(String abf, String nwb, int sweeps, boolean nwbReversed) throws Exception {
        Recording r = AbfReader.read(TestData.cell(abf));
        assertEquals(sweeps, r.sweeps().size());
        double worstV = 0;
        double worstI = 0;
        try (HdfFile h = new HdfFile(TestData.cell(nwb))) {
            for (int s = 0; s < sweeps; s++) {
                String n = String.format(Locale.ROOT, "%02d", nwbReversed ? sweeps - s : s + 1);
                float[] v = (float[]) ((Dataset) h.getByPath("/acquisition/CurrentClampSeries_" + n + "/data")).getData();
                float[] i = (float[]) ((Dataset) h.getByPath("/stimulus/presentation/CurrentClampStimulusSeries_" + n + "/data")).getData();
                Sweep sw = r.sweeps().get(s);
                assertEquals(v.length, sw.voltageMv().length);
                for (int k = 0; k < v.length; k++) {
                    worstV = Math.max(worstV, Math.abs(v[k] * 1e3 - sw.voltageMv()[k]));
                    worstI = Math.max(worstI, Math.abs(i[k] * 1e12 - sw.currentPa()[k]));
                }
            }
        }
        System.out.printf(Locale.ROOT, "ABF vs NWB %s: max |dV| %.2e mV, max |dI| %.2e pA%n", abf, worstV, worstI);
        assertTrue(worstV < 1e-3, "voltage differs from the NWB by " + worstV + " mV");
        assertTrue(worstI < 1e-2, "current differs from the NWB by " + worstI + " pA");
    }
}
