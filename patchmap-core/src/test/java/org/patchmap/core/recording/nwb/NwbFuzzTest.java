package org.patchmap.core.recording.nwb;

import org.patchmap.core.Mutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.TestData;
import org.patchmap.core.recording.UnreadableFileException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Damaged copies of the real NWB files (truncated, bytes flipped in the metadata or anywhere,
 * blocks zeroed): every read ends in a Recording or an UnreadableFileException naming the file,
 * never another exception, an OutOfMemoryError or a hang. Seeded, so a failure is reproducible.
 */
class NwbFuzzTest {
    /** 40 in the build; -Dnwb.fuzz.cases=500 for a longer local run. */
    private static final int CASES_PER_MUTATION = Integer.getInteger("nwb.fuzz.cases", 40);
    private static final List<String> FILES = List.of("99111002.nwb", "2025053101.nwb",
            "LantyerEtAl2018_180817_ME_9_CC.nwb", "FergusonEtAl2015_PYR5_rebound.nwb", "19926019.nwb");

    @TempDir
    Path dir;

    @Test
    void damagedFilesGiveARecordingOrACleanError() throws Exception {
        Random random = new Random(Long.getLong("nwb.fuzz.seed", 20260601L));
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        TreeMap<String, Integer> causes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String file : FILES) {
            byte[] bytes = Files.readAllBytes(TestData.cell(file));
            for (Mutation m : Mutation.values()) {
                for (int c = 0; c < CASES_PER_MUTATION; c++) {
                    String name = "m" + c + "_" + m.name().toLowerCase() + "_" + file;
                    Path mutant = dir.resolve(name);
                    Files.write(mutant, m.apply(bytes, random));
                    String outcome = run(mutant, name, failures, causes);
                    outcomes.merge(m.name().toLowerCase() + " -> " + outcome, 1, Integer::sum);
                    Files.delete(mutant);
                }
            }
        }
        System.out.println("NWB fuzz outcomes: " + outcomes);
        causes.forEach((cause, n) -> System.out.println("  " + n + " x " + cause));
        assertEquals(List.of(), failures);
    }

    private static String run(Path mutant, String name, List<String> failures, TreeMap<String, Integer> causes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                NwbReader.read(mutant);
                return "read";
            } catch (UnreadableFileException e) {
                if (!e.getMessage().startsWith(name + ": ")) {
                    failures.add(name + ": message does not name the file: " + e.getMessage());
                }
                String cause = e.getMessage().substring(name.length() + 2).replaceAll("[0-9]+", "N");
                causes.merge(cause.length() > 160 ? cause.substring(0, 160) : cause, 1, Integer::sum);
                return "unreadable";
            } catch (Throwable e) { // deliberately everything: OOM and StackOverflow included
                failures.add(name + ": " + e);
                return "crash";
            }
        }, () -> name + " hangs");
    }
}
