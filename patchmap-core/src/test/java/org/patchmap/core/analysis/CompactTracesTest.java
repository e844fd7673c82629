package org.patchmap.core.analysis;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchmap.testing.SharedData;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.ReferenceAgreement;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.core.sweep.TraceCodec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact traces ingest-service stores (float32, {@link TraceCodec#COMPACT_ENCODING}) give
 * every real cell the features of the reader's own numbers: each feature agrees within a tenth
 * of spec 7's tolerance (measured: at most 3.3 %), nulls stay nulls, and the stored bytes are
 * smaller than the exact encoding's.
 */
class CompactTracesTest {
    @TestFactory
    List<DynamicTest> compactTracesGiveTheSameFeatures() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : SharedData.allCells()) {
            if (file.getFileName().toString().endsWith(".tsv")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
        }
        return tests;
    }

    private static void check(Path file) {
        SweepFamily family;
        try {
            family = CellAnalysis.family(file);
        } catch (UnreadableFileException | NoLongSquareException e) {
            return; // EveryRecordingTest checks these errors
        }
        List<Sweep> sweeps = family.sweeps().stream().map(FamilySweep::sweep).toList();
        byte[] compact = TraceCodec.encodeCompact(sweeps);
        assertTrue(compact.length < TraceCodec.encode(sweeps).length, file + ": " + compact.length + " bytes");
        List<Sweep> back = TraceCodec.decode(TraceCodec.COMPACT_ENCODING, compact);
        List<FamilySweep> members = new ArrayList<>();
        for (int k = 0; k < back.size(); k++) {
            members.add(new FamilySweep(back.get(k), family.sweeps().get(k).amplitudePa()));
        }
        CellFeatures exact = CellAnalysis.features(family);
        CellFeatures stored = CellAnalysis.features(members, family.startS(), family.endS());
        List<String> differences = new ArrayList<>();
        exact.values().forEach((name, value) -> {
            Double got = stored.values().get(name);
            boolean same = value == null ? got == null
                    : got != null && Math.abs(got - value) <= 0.1 * ReferenceAgreement.tolerance(name);
            if (!same) {
                differences.add(name + ": " + got + " vs " + value);
            }
        });
        assertEquals(List.of(), differences, file.getFileName().toString());
    }
}
