package org.patchmap.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchmap.core.TestData;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SweepFamily;

/**
 * Issue 3: PYR2.abf / FergusonEtAl2015_PYR2.nwb and PYR5_rebound.abf / FergusonEtAl2015_PYR5_rebound.nwb
 * are the same recordings in two formats and must give the same family: the same window, the
 * same amplitudes, the same samples. Only the sweep labels differ (ABF: 0-based index; the NWB
 * files' sweep_number counts from 1, and PYR5's NWB numbers the sweeps in reverse order), so
 * members are matched by amplitude.
 */
class SameRecordingTwoFormatsTest {
    @ParameterizedTest
    @CsvSource({"PYR2.abf, FergusonEtAl2015_PYR2.nwb, 13", "PYR5_rebound.abf, FergusonEtAl2015_PYR5_rebound.nwb, 10"})
    void bothFormatsGiveTheSameFamily(String abf, String nwb, int sweeps) throws Exception {
        SweepFamily a = CellAnalysis.family(TestData.cell(abf));
        SweepFamily n = CellAnalysis.family(TestData.cell(nwb));
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
