package org.patchmap.core.analysis;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchmap.testing.SharedData;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.abf.AbfReader;
import org.patchmap.core.recording.nwb.NwbReader;
import org.patchmap.core.sweep.Sweep;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Ferguson et al. ABF1 files and their pynwb conversions (same data, float32 in V and A) are
 * one recording in two formats, read by two independent readers. Per pair:
 * <ol>
 *   <li>AbfReader's samples equal the NWB datasets (an independent check of the ABF1 scaling,
 *       telegraph gain and nA conversion);</li>
 *   <li>NwbReader's sweeps equal AbfReader's, sample for sample;</li>
 *   <li>both give the same family: the same window, flags, amplitudes and samples.</li>
 * </ol>
 * The ABF's episode order is the acquisition order and is what its reader keeps. PYR2's NWB sweep
 * number n is the ABF's episode n − 1; PYR5's conversion numbers the episodes in reverse, so its
 * sweep number n is the ABF's episode 10 − n (NWB sweep 1 = the −248 pA step, the ABF's last).
 * Family members are matched by amplitude, since only the sweep labels differ.
 */
class SameRecordingTwoFormatsTest {
    @ParameterizedTest
    @CsvSource({"PYR2.abf, FergusonEtAl2015_PYR2.nwb, 13, false",
            "PYR5_rebound.abf, FergusonEtAl2015_PYR5_rebound.nwb, 10, true"})
    void bothFormatsGiveTheSameSweepsAndFamily(String abf, String nwb, int sweeps, boolean nwbReversed)
            throws Exception {
        abfReaderEqualsTheNwbDatasets(abf, nwb, sweeps, nwbReversed);
        nwbReaderEqualsAbfReader(abf, nwb, sweeps, nwbReversed);
        bothFormatsGiveTheSameFamily(abf, nwb, sweeps);
    }

    private static void abfReaderEqualsTheNwbDatasets(String abf, String nwb, int sweeps, boolean nwbReversed)
            throws Exception {
        Recording r = AbfReader.read(SharedData.cell(abf));
        assertEquals(sweeps, r.sweeps().size());
        double worstV = 0;
        double worstI = 0;
        try (HdfFile h = new HdfFile(SharedData.cell(nwb))) {
            for (int s = 0; s < sweeps; s++) {
                String n = String.format(Locale.ROOT, "%02d", nwbReversed ? sweeps - s : s + 1);
                float[] v = (float[]) ((Dataset) h.getByPath("/acquisition/CurrentClampSeries_" + n + "/data")).getData();
                float[] i = (float[]) ((Dataset) h.getByPath("/stimulus/presentation/CurrentClampStimulusSeries_" + n
                        + "/data")).getData();
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

    private static void nwbReaderEqualsAbfReader(String abf, String nwb, int sweeps, boolean nwbReversed)
            throws Exception {
        Recording a = AbfReader.read(SharedData.cell(abf));
        Recording n = NwbReader.read(SharedData.cell(nwb));
        assertEquals(sweeps, a.sweeps().size());
        assertEquals(sweeps, n.sweeps().size());
        double worstV = 0;
        double worstI = 0;
        for (Sweep ns : n.sweeps()) {
            int episode = nwbReversed ? sweeps - ns.sweepNumber() : ns.sweepNumber() - 1;
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

    private static void bothFormatsGiveTheSameFamily(String abf, String nwb, int sweeps) throws Exception {
        SweepFamily a = CellAnalysis.family(SharedData.cell(abf));
        SweepFamily n = CellAnalysis.family(SharedData.cell(nwb));
        assertEquals(a.startS(), n.startS(), 1e-9);
        assertEquals(a.endS(), n.endS(), 1e-9);
        assertEquals(a.samplingRateHz(), n.samplingRateHz());
        assertEquals(a.flags(), n.flags());
        List<FamilySweep> as = byAmplitude(a);
        List<FamilySweep> ns = byAmplitude(n);
        assertEquals(sweeps, as.size());
        assertEquals(sweeps, ns.size());
        for (int k = 0; k < sweeps; k++) {
            assertEquals(as.get(k).amplitudePa(), ns.get(k).amplitudePa(), 0.0, abf + " member " + k);
            assertArrayEquals(as.get(k).sweep().voltageMv(), ns.get(k).sweep().voltageMv(), 1e-3, abf + " v " + k);
            assertArrayEquals(as.get(k).sweep().currentPa(), ns.get(k).sweep().currentPa(), 1e-3, abf + " i " + k);
        }
    }

    private static List<FamilySweep> byAmplitude(SweepFamily f) {
        return f.sweeps().stream().sorted(Comparator.comparingDouble(FamilySweep::amplitudePa)).toList();
    }
}
