package org.patchmap.sim.file;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.analysis.CellAnalysis;
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
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated recordings written as ABF 2 and read back by PatchMap's own ABF reader. */
class Abf2WriterTest {
    /** Short sweeps (0.1 + 0.3 + 0.1 s) keep the simulation fast; the step starts well after the 1/64 pre-sweep. */
    private static final LongSquareProtocol SHORT = new LongSquareProtocol(-100, 50, 200, 0.1, 0.3, 0.1);
    private static List<Recording> recordings;

    @BeforeAll
    static void simulate() {
        recordings = List.of(
                Simulator.record(SimulatedCell.draw(CellType.FAST_SPIKING, 1, 7).get(0), SHORT,
                        new RecordingConditions(34, 20_000, 0.01, new Rig(0.1, 0, -2), 7)),
                Simulator.record(SimulatedCell.draw(CellType.REGULAR_SPIKING, 1, 8).get(0), SHORT,
                        new RecordingConditions(34, 25_000, 0.01, new Rig(0, -20, 0), 8)));
    }

    @Test
    void readsBackSweepsRateStimulusExactlyAndVoltageWithinOneStep(@TempDir Path dir) throws Exception {
        for (Recording original : recordings) {
            Path file = dir.resolve(original.fileName() + ".abf");
            Abf2Writer.write(original, file);
            Recording read = RecordingReader.read(file);
            assertEquals("abf", read.format());
            assertEquals(original.sweeps().size(), read.sweeps().size());
            // |V| < 128 mV here, so the step is 2^-8 mV (0.0039 mV): a 16-bit digitiser at ±128 mV full scale
            double step = Abf2Writer.voltageStepMv(original);
            assertEquals(Math.scalb(1.0, -8), step, original.fileName());
            for (int s = 0; s < original.sweeps().size(); s++) {
                Sweep o = original.sweeps().get(s);
                Sweep r = read.sweeps().get(s);
                assertEquals(o.samplingRateHz(), r.samplingRateHz());
                assertArrayEquals(o.currentPa(), r.currentPa(), original.fileName() + " sweep " + s + " command");
                assertEquals(o.voltageMv().length, r.voltageMv().length);
                for (int k = 0; k < o.voltageMv().length; k++) {
                    double error = Math.abs(o.voltageMv()[k] - r.voltageMv()[k]);
                    assertTrue(error <= step / 2, original.fileName() + " sweep " + s + " sample " + k + ": " + error + " mV");
                }
            }
            assertEquals(read.subject().description(), original.subject().description());
        }
    }

    @Test
    void theLongSquareFamilyOfTheFileIsTheSimulatedOne(@TempDir Path dir) throws Exception {
        for (Recording original : recordings) {
            Path file = dir.resolve(original.fileName() + ".abf");
            Abf2Writer.write(original, file);
            SweepFamily memory = CellAnalysis.family(original);
            SweepFamily fromFile = CellAnalysis.family(RecordingReader.read(file));
            double sample = 1 / memory.samplingRateHz();
            assertEquals(memory.startS(), fromFile.startS(), sample * 1.0001);
            assertEquals(memory.endS(), fromFile.endS(), sample * 1.0001);
            assertEquals(memory.sweeps().stream().map(FamilySweep::amplitudePa).toList(),
                    fromFile.sweeps().stream().map(FamilySweep::amplitudePa).toList());
            assertTrue(memory.sweeps().size() >= 5, memory.sweeps().size() + " family sweeps");
            assertEquals(memory.flags(), fromFile.flags());
        }
    }

    @Test
    void theSameRecordingGivesTheSameBytes(@TempDir Path dir) throws Exception {
        Recording r = recordings.get(0);
        Abf2Writer.write(r, dir.resolve("a.abf"));
        Abf2Writer.write(r, dir.resolve("b.abf"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.abf")), Files.readAllBytes(dir.resolve("b.abf")));
    }

    @Test
    void aCommandTheEpochTableCannotStateIsRefused() {
        Sweep ramp = new Sweep(0, "ramp", 20_000, new double[2000], IntStream.range(0, 2000)
                .mapToDouble(k -> k >= 500 ? k - 500 : 0).toArray());
        Recording r = new Recording("ramp.simulated", Simulator.FORMAT, List.of(ramp), List.of(),
                SubjectInfo.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Abf2Writer.bytes(r));
        assertTrue(e.getMessage().contains("not one square step per sweep"), e.getMessage());
    }
}
