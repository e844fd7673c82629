package org.patchmap.sim.file;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.recording.SubjectInfo;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.sim.CellType;
import org.patchmap.sim.LongSquareProtocol;
import org.patchmap.sim.RecordingConditions;
import org.patchmap.sim.Rig;
import org.patchmap.sim.SimulatedCell;
import org.patchmap.sim.Simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated recordings written in each real producer's NWB layout and read back by PatchMap's own reader. */
class NwbWriterTest {
    /** Short sweeps (0.1 + 0.3 + 0.1 s) keep the simulation fast. */
    private static final LongSquareProtocol SHORT = new LongSquareProtocol(-100, 50, 200, 0.1, 0.3, 0.1);
    private static List<Recording> recordings;

    @TempDir
    Path dir;

    @BeforeAll
    static void simulate() {
        recordings = List.of(
                Simulator.record(SimulatedCell.draw(CellType.FAST_SPIKING, 1, 7).get(0), SHORT,
                        new RecordingConditions(34, 20_000, 0.01, new Rig(0.1, 0, -2), 7)),
                Simulator.record(SimulatedCell.draw(CellType.REGULAR_SPIKING, 1, 8).get(0), SHORT,
                        new RecordingConditions(34, 25_000, 0.01, new Rig(0, -20, 0), 8)));
    }

    /**
     * The largest voltage error the layout's storage allows here (|V| < 128 mV): MIES's float32 mV
     * round to half a float32 step (≤ 2⁻¹⁸ mV) and its float32 conversion 1e-3 is off by 4.7e-8
     * relative (≤ 6.1e-6 mV); NeuroConv's int16 counts round to half the 2⁻⁸ mV step; pynwb's float64
     * volts are exact to about 1e-14 mV.
     */
    private static double voltageBoundMv(NwbLayout layout, Recording r) {
        return switch (layout) {
            case MIES -> 1e-5;
            case NEUROCONV_ABF -> Abf2Writer.voltageStepMv(r) / 2 + 1e-12;
            case PYNWB_SWEEP_TABLE -> 1e-9;
        };
    }

    private Path write(Recording r, NwbLayout layout) throws Exception {
        Path file = dir.resolve(NwbWriter.fileName(r, layout));
        NwbWriter.write(r, layout, file);
        return file;
    }

    @ParameterizedTest
    @EnumSource(NwbLayout.class)
    void readsBackEverySweepAtItsRateWithinTheStoredQuantisation(NwbLayout layout) throws Exception {
        for (Recording original : recordings) {
            Recording read = RecordingReader.read(write(original, layout));
            assertEquals("nwb", read.format());
            assertEquals(List.of(), read.skipped());
            assertEquals(original.sweeps().size(), read.sweeps().size());
            double bound = voltageBoundMv(layout, original);
            for (int s = 0; s < original.sweeps().size(); s++) {
                Sweep o = original.sweeps().get(s);
                Sweep r = read.sweeps().get(s);
                String where = layout.wire() + " " + original.fileName() + " sweep " + s;
                assertEquals(layout == NwbLayout.NEUROCONV_ABF ? Sweep.NO_NUMBER : o.sweepNumber(), r.sweepNumber(), where);
                assertEquals(o.samplingRateHz(), r.samplingRateHz(), where);
                assertEquals(o.voltageMv().length, r.voltageMv().length, where);
                assertEquals(o.currentPa().length, r.currentPa().length, where);
                for (int k = 0; k < o.voltageMv().length; k++) {
                    double dv = Math.abs(o.voltageMv()[k] - r.voltageMv()[k]);
                    assertTrue(dv <= bound, where + " sample " + k + ": " + dv + " mV > " + bound);
                    // the commands are float32-exact; MIES's float32 conversion 1e-12 is off by 4e-9 relative
                    double di = Math.abs(o.currentPa()[k] - r.currentPa()[k]);
                    assertTrue(di <= 1e-8 * Math.max(1, Math.abs(o.currentPa()[k])), where + " current " + k + ": " + di);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NwbLayout.class)
    void theLongSquareFamilyAndFeaturesOfTheFileAreTheSimulatedOnes(NwbLayout layout) throws Exception {
        for (Recording original : recordings) {
            SweepFamily memory = CellAnalysis.family(original);
            SweepFamily fromFile = CellAnalysis.family(RecordingReader.read(write(original, layout)));
            assertEquals(memory.samplingRateHz(), fromFile.samplingRateHz());
            assertEquals(memory.startS(), fromFile.startS(), 1e-9);
            assertEquals(memory.endS(), fromFile.endS(), 1e-9);
            assertEquals(memory.sweeps().stream().map(FamilySweep::amplitudePa).toList(),
                    fromFile.sweeps().stream().map(FamilySweep::amplitudePa).toList());
            assertTrue(memory.sweeps().size() >= 5, memory.sweeps().size() + " family sweeps");
            assertEquals(memory.flags(), fromFile.flags());
            assertSameFeatures(CellAnalysis.features(memory), CellAnalysis.features(fromFile), layout,
                    layout.wire() + " " + original.fileName());
        }
    }

    /**
     * Every feature computable in memory is computable from the file and equal within the layout's
     * tolerance. Float layouts: 1e-5 relative (MIES's float32 moves them by at most 3e-7). The
     * int16 layout: 1e-3 relative or 0.01 absolute, whichever is larger; its 2⁻⁹ mV rounding moves
     * a spike's fast trough by up to 0.04 mV (6e-4) and, for a cell without Ih, the sag ratio
     * (a ratio of near-equal voltages, ±0.01 here) by up to 0.006.
     */
    private static void assertSameFeatures(CellFeatures memory, CellFeatures file, NwbLayout layout, String where) {
        int compared = 0;
        for (Map.Entry<String, Double> e : memory.values().entrySet()) {
            Double m = e.getValue();
            Double f = file.value(e.getKey());
            if (m == null) {
                assertNull(f, where + " " + e.getKey());
                continue;
            }
            assertTrue(f != null, where + " " + e.getKey() + " is null from the file: " + file.reason(e.getKey()));
            double tolerance = layout == NwbLayout.NEUROCONV_ABF ? Math.max(1e-3 * Math.abs(m), 0.01)
                    : 1e-5 * Math.max(1, Math.abs(m));
            assertEquals(m, f, tolerance, where + " " + e.getKey());
            compared++;
        }
        assertTrue(compared >= 20, where + ": " + compared + " features compared");
    }

    @ParameterizedTest
    @EnumSource(NwbLayout.class)
    void theSameRecordingGivesTheSameBytes(NwbLayout layout) throws Exception {
        Recording r = recordings.get(0);
        Path a = dir.resolve("a.nwb");
        Path b = dir.resolve("b.nwb");
        NwbWriter.write(r, layout, a);
        // over a longer file, which jhdf alone would leave its tail in
        Files.write(b, new byte[Files.readAllBytes(a).length + 4096]);
        NwbWriter.write(r, layout, b);
        byte[] bytes = Files.readAllBytes(a);
        assertArrayEquals(bytes, Files.readAllBytes(b));
        assertArrayEquals(bytes, NwbWriter.bytes(r, layout));
        assertFalse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("jHDF"),
                "no jhdf version or platform stamp");
    }

    @Test
    void fileNamesSayTheLayoutAndThatTheRecordingIsSimulated() {
        Recording r = recordings.get(0);
        assertEquals(r.fileName() + ".mies.nwb", NwbWriter.fileName(r, NwbLayout.MIES));
        assertEquals(r.fileName() + ".neuroconv-abf.nwb", NwbWriter.fileName(r, NwbLayout.NEUROCONV_ABF));
        assertEquals(r.fileName() + ".pynwb-sweep-table.nwb", NwbWriter.fileName(r, NwbLayout.PYNWB_SWEEP_TABLE));
        assertTrue(r.fileName().endsWith(".simulated"), r.fileName());
        for (NwbLayout l : NwbLayout.values()) {
            assertEquals(l, NwbLayout.of(l.wire()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NwbLayout.of("abf"));
        assertEquals("unknown NWB layout 'abf': expected one of mies, neuroconv-abf, pynwb-sweep-table", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(NwbLayout.class)
    void theSubjectAndSessionReadBack(NwbLayout layout) throws Exception {
        Recording simulated = recordings.get(1);
        SubjectInfo s = simulated.subject();
        SubjectInfo stated = new SubjectInfo("Mus musculus", "P56D", "M", "Pvalb-IRES-Cre/wt", s.subjectId(),
                s.cellId(), s.temperature(), "2024-05-06T07:08:09+02:00", s.description());
        Recording r = new Recording(simulated.fileName(), simulated.format(), simulated.sweeps(), List.of(), stated);
        SubjectInfo read = RecordingReader.read(write(r, layout)).subject();
        assertEquals("Mus musculus", read.species());
        assertEquals("P56D", read.age());
        assertEquals("M", read.sex());
        assertEquals("Pvalb-IRES-Cre/wt", read.genotype());
        assertEquals("simulated", read.subjectId());
        assertEquals(s.description(), read.description());
        assertEquals(layout == NwbLayout.MIES ? "2024-05-06T05:08:09.000Z" : "2024-05-06T07:08:09+02:00",
                read.sessionStart());
        // the electrode's cell_id is an NWB 2.6+ field: only the NWB 2.8 layout has it
        assertEquals(layout == NwbLayout.NEUROCONV_ABF ? s.cellId() : null, read.cellId());
        // none of these producers writes a temperature field the reader knows; the description states it
        assertNull(read.temperature());
        assertTrue(read.description().contains("at 34 °C"), read.description());
        // a recording that names no lab writes none
        assertNull(read.lab());
        assertNull(read.institution());
    }

    @ParameterizedTest
    @EnumSource(NwbLayout.class)
    void theLabReadsBack(NwbLayout layout) throws Exception {
        Recording simulated = recordings.get(1);
        Recording r = new Recording(simulated.fileName(), simulated.format(), simulated.sweeps(), List.of(),
                simulated.subject().withLab("Simulated Vision Lab", "Simulated Institute"));
        SubjectInfo read = RecordingReader.read(write(r, layout)).subject();
        assertEquals("Simulated Vision Lab", read.lab());
        assertEquals("Simulated Institute", read.institution());
    }

    @ParameterizedTest
    @EnumSource(NwbLayout.class)
    void everyFileSaysItIsSimulated(NwbLayout layout) throws Exception {
        Recording r = recordings.get(0);
        try (HdfFile hdf = new HdfFile(write(r, layout))) {
            assertTrue(text(hdf, "session_description").startsWith("simulated recording (not a real cell)"));
            assertTrue(text(hdf, "general/notes").startsWith("simulated: written by PatchMap simulator"),
                    text(hdf, "general/notes"));
            assertTrue(text(hdf, "general/notes").contains(" in the " + layout.wire() + " layout"));
            assertEquals("simulated: no animal (PatchMap simulator)", text(hdf, "general/subject/description"));
            assertEquals(NwbWriter.sessionStart(r).getYear(), 1970);
            Group acquisition = (Group) hdf.getChild("acquisition");
            assertEquals(r.sweeps().size(), acquisition.getChildren().size());
        }
    }

    @Test
    void aSimulatedSessionStartIsDerivedFromTheRecording() {
        assertEquals(NwbWriter.sessionStart(recordings.get(0)), NwbWriter.sessionStart(recordings.get(0)));
        assertNotEquals(NwbWriter.sessionStart(recordings.get(0)), NwbWriter.sessionStart(recordings.get(1)));
        assertEquals(1970, NwbWriter.sessionStart(recordings.get(1)).getYear());
    }

    private static String text(HdfFile hdf, String path) {
        Object data = ((Dataset) hdf.getByPath(path)).getData();
        return data instanceof String[] a ? a[0] : (String) data;
    }
}
