package org.patchmap.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchmap.testing.SharedData;
import org.patchmap.core.protocol.SweepFamily;

/**
 * Every file in data/cells gives either its long-square family or one specific error.
 * The expected families follow PROVENANCE.tsv's descriptions (e.g. 99111002.nwb: 0.4 s steps
 * −2000..+1000 pA; PYR2: 1.0 s steps +25..+323 pA from 0.08 s); a file added to data/cells
 * without a line here fails {@link #everyFileIsListed()}.
 */
class EveryRecordingTest {
    private record Expected(String file, int sweeps, String first, String last, double firstPa, double lastPa,
                            double startS, double endS, List<String> flags, String error) {
    }

    private static Expected family(String file, int sweeps, String first, String last, double firstPa, double lastPa,
                                   double startS, double endS, String... flags) {
        return new Expected(file, sweeps, first, last, firstPa, lastPa, startS, endS, List.of(flags), null);
    }

    private static Expected error(String file, String message) {
        return new Expected(file, 0, null, null, 0, 0, 0, 0, List.of(), message);
    }

    static final List<Expected> EXPECTED = List.of(
            family("171116sh_0018.abf", 17, "0", "16", -100.0, 300.0, 0.1468, 0.6468),
            family("17o05028_ic_steps.abf", 16, "0", "15", -50.0, 100.0, 0.1468, 0.6468),
            family("18711001.abf", 30, "0", "29", 0.0, 290.0, 0.8234, 1.3234),
            family("2019_07_24_0055_fsi.abf", 17, "0", "16", -100.0, 300.0, 0.1468, 0.6468),
            family("2020_03_02_0000.abf", 16, "0", "15", -200.0, 550.0, 0.1312, 0.6312),
            family("File_axon_5.abf", 9, "0", "8", -100.0, 300.0, 0.2156, 0.7156),
            family("PYR2.abf", 13, "0", "12", 25.3, 323.2, 0.0815, 1.0815),
            family("PYR5_rebound.abf", 10, "0", "9", -24.7, -248.4, 0.0817, 1.0817),
            family("19926019.nwb", 12, "1", "12", -50.0, 500.0, 0.5781, 1.2781, SweepFamily.PRE_PULSE),
            error("2025053101.nwb", "2025053101.nwb: no current-clamp sweeps: 16 VoltageClampSeries (voltage clamp)"),
            family("99111002.nwb", 16, "ic__Step__1", "ic__Step__16", -2000.0, 1000.0, 0.0312, 0.4312),
            family("FergusonEtAl2015_PYR2.nwb", 13, "1", "13", 25.3, 323.2, 0.0815, 1.0815),
            family("FergusonEtAl2015_PYR5_rebound.nwb", 10, "1", "10", -248.4, -24.7, 0.0817, 1.0817),
            family("LantyerEtAl2018_180817_ME_9_CC.nwb", 10, "1", "10", 40.3, 402.7, 0.1001, 0.6001),
            error("_2017_09_01_192934-compressed.nwb", "_2017_09_01_192934-compressed.nwb: gzip-compressed file "
                    + "(the whole file is gzip-wrapped, not HDF5): decompress it first (gunzip)"));

    @Test
    void everyFileIsListed() {
        TreeSet<String> present = new TreeSet<>();
        SharedData.allCells().forEach(p -> present.add(p.getFileName().toString()));
        present.remove("PROVENANCE.tsv");
        TreeSet<String> listed = new TreeSet<>();
        EXPECTED.forEach(e -> listed.add(e.file()));
        assertEquals(present, listed);
    }

    @TestFactory
    List<DynamicTest> everyFileGivesItsFamilyOrItsError() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Expected e : EXPECTED) {
            tests.add(DynamicTest.dynamicTest(e.file(), () -> check(e, SharedData.cell(e.file()))));
        }
        return tests;
    }

    private static void check(Expected e, Path path) throws Exception {
        if (e.error() != null) {
            Exception thrown = assertThrows(Exception.class, () -> CellAnalysis.family(path));
            assertEquals(e.error(), thrown.getMessage());
            return;
        }
        SweepFamily f = CellAnalysis.family(path);
        assertEquals(e.sweeps(), f.sweeps().size(), e.file() + " sweeps");
        assertEquals(e.first(), String.valueOf(f.sweeps().get(0).sweep().label()), e.file() + " first sweep");
        assertEquals(e.last(), String.valueOf(f.sweeps().get(f.sweeps().size() - 1).sweep().label()), e.file());
        assertEquals(e.firstPa(), f.sweeps().get(0).amplitudePa(), 0.05, e.file() + " first amplitude");
        assertEquals(e.lastPa(), f.sweeps().get(f.sweeps().size() - 1).amplitudePa(), 0.05, e.file());
        assertEquals(e.startS(), f.startS(), 1e-4, e.file() + " start");
        assertEquals(e.endS(), f.endS(), 1e-4, e.file() + " end");
        assertEquals(e.flags(), f.flags(), e.file() + " flags");
    }
}
