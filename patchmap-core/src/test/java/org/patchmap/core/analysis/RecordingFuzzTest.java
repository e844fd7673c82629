package org.patchmap.core.analysis;

import org.patchmap.core.Mutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.testing.SharedData;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.UnreadableFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutates the real recordings (truncation, flipped bytes, zeroed headers) and runs the whole
 * pipeline on each mutant: every case must end in a family or a clean, file-named error, never
 * an OutOfMemoryError or an uncaught exception. Seeded, so a failure is reproducible. The readers'
 * own budgets (time included) end a read that would not; ReaderFuzzTest measures them.
 */
class RecordingFuzzTest {
    private static final int CASES_PER_FILE = 25;

    @TempDir
    Path dir;

    @Test
    void everyMutantEndsInAFamilyOrACleanError() throws IOException {
        Random random = new Random(20261125L);
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Path original : SharedData.allCells()) {
            byte[] bytes = Files.readAllBytes(original);
            for (int c = 0; c < CASES_PER_FILE; c++) {
                Mutation m = Mutation.values()[c % Mutation.values().length];
                String name = "m" + c + "_" + m.name().toLowerCase() + "_" + original.getFileName();
                Path mutant = dir.resolve(name);
                Files.write(mutant, m.apply(bytes, random));
                String outcome = run(mutant, name, failures);
                outcomes.merge(m.name().toLowerCase() + " → " + outcome, 1, Integer::sum);
                Files.delete(mutant);
                cases++;
            }
        }
        System.out.println("fuzz outcomes over " + cases + " mutants: " + outcomes);
        assertEquals(List.of(), failures);
        assertEquals(SharedData.allCells().size() * CASES_PER_FILE, cases);
        assertTrue(cases >= 300, "a few hundred cases");
    }

    private static String run(Path mutant, String name, List<String> failures) {
        try {
            SweepFamily family = CellAnalysis.family(mutant);
            CellAnalysis.features(family); // never throws for a bad feature
            return "family";
        } catch (UnreadableFileException | NoLongSquareException e) {
            if (!e.getMessage().startsWith(name + ":")) {
                failures.add(name + ": message does not name the file: " + e.getMessage());
            }
            return e instanceof UnreadableFileException ? "unreadable" : "no long square";
        } catch (Throwable e) { // deliberately everything: OOM and StackOverflow included
            failures.add(name + ": " + e);
            return "crash";
        }
    }
}
