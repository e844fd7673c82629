package org.patchmap.core.recording.fuzz;

import org.junit.jupiter.api.Test;
import org.patchmap.testing.SharedData;
import org.patchmap.core.recording.ReadLimits;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.recording.UnreadableFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged copies of every real NWB and ABF file in the shared data, mostly with the fields that
 * readers trust (heap and chunk sizes, addresses, dimensions, datatype sizes, filter pipelines,
 * ABF section tables) set to hostile values: each must give a recording or an
 * {@link UnreadableFileException} naming the file, within an allocation budget proportional to
 * the file's size (the JVM's count of the bytes the reading thread allocated). Seeded: a mutant
 * is made again from the seed, its file and its index alone ({@link Mutant}), and a mutant that
 * ever failed is kept in {@code fuzz/regressions.txt} and read on every run.
 * <p>
 * {@code -Dfuzz.mutants=N} and {@code -Dfuzz.seed=S} for longer or other runs. The figures go to
 * standard output and target/reader-fuzz.txt.
 */
class ReaderFuzzTest {
    static final int MUTANTS = Integer.getInteger("fuzz.mutants", 10_000);
    static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    /** Bytes a read may allocate: a multiple of the file's size plus room for the reader's own state. */
    static final long BYTES_PER_FILE_BYTE = Long.getLong("fuzz.bytes-per-file-byte", 64);
    static final long BASE_BYTES = 32L << 20;
    /** The readers' own time limit, far above any real read: reaching it means a hang. */
    static final Duration HANG = Duration.ofSeconds(60);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    record Original(String name, byte[] bytes, List<Field> fields) {
        static Original of(Path p) {
            try {
                byte[] bytes = Files.readAllBytes(p);
                String name = p.getFileName().toString();
                List<Field> fields = name.endsWith(".abf") ? AbfFields.find(bytes) : Hdf5Fields.find(bytes);
                return new Original(name, bytes, fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long budget() {
            return BYTES_PER_FILE_BYTE * bytes.length + BASE_BYTES;
        }
    }

    /** What one read gave. */
    record Outcome(String name, String what, String result, String problem, long nanos, long bytes, long budget) {
    }

    @Test
    void everyMutantGivesARecordingOrACleanErrorWithinItsBudget() throws Exception {
        List<Original> originals = SharedData.allCells().stream().map(Original::of).toList();
        int perFile = (MUTANTS + originals.size() - 1) / originals.size();
        List<Outcome> outcomes = run(originals.size() * perFile, k -> {
            Original o = originals.get(k / perFile);
            Mutant m = Mutant.of(o.name(), o.bytes(), o.fields(), SEED, k % perFile);
            return read(m, o.budget());
        });
        Report report = Report.of(outcomes);
        report.print(Path.of("target/reader-fuzz.txt"));
        assertEquals(List.of(), report.problems(), "mutants that did not give a recording or a clean error "
                + "within their budget (add each to fuzz/regressions.txt as: file index seed)");
        assertTrue(outcomes.size() >= MUTANTS);
    }

    @Test
    void everyMutantThatOnceFailedStaysClean() throws Exception {
        List<String[]> cases = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/fuzz/regressions.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(line.replaceFirst("#.*", "").trim().split("\\s+"));
            }
        }
        List<Outcome> outcomes = run(cases.size(), k -> {
            String[] c = cases.get(k);
            Original o = Original.of(SharedData.cell(c[0]));
            return read(Mutant.of(o.name(), o.bytes(), o.fields(), Long.parseLong(c[2]), Integer.parseInt(c[1])),
                    o.budget());
        });
        Report.of(outcomes).print(null);
        assertEquals(List.of(), Report.of(outcomes).problems());
        assertEquals(3, cases.size());
    }

    /**
     * The first mutant seen to hang a loaded machine: 2025053101.nwb with bytes of its first 4 kB
     * flipped so that an old-style group's local heap declares a data segment of gigabytes, which
     * the HDF5 library allocated and zeroed before reading. Made again as the earlier byte-flip
     * fuzzer made it (seed 20260601, its 32nd header flip of that file, after the cases before it).
     */
    @Test
    void theHeapThatOnceAskedForGigabytesGivesACleanError() throws Exception {
        java.util.Random random = new java.util.Random(20260601L);
        byte[] mutant = null;
        outer:
        for (String file : List.of("99111002.nwb", "2025053101.nwb")) {
            byte[] bytes = Files.readAllBytes(SharedData.cell(file));
            for (org.patchmap.core.Mutation m : org.patchmap.core.Mutation.values()) {
                for (int c = 0; c < 40; c++) {
                    byte[] b = m.apply(bytes, random);
                    if (file.equals("2025053101.nwb") && m == org.patchmap.core.Mutation.FLIP_HEADER && c == 31) {
                        mutant = b;
                        break outer;
                    }
                }
            }
        }
        Mutant m = new Mutant("m31_flip_header_2025053101.nwb", mutant, "flip_header");
        long budget = BYTES_PER_FILE_BYTE * mutant.length + BASE_BYTES;
        Outcome o = run(1, k -> read(m, budget)).get(0);
        assertEquals(null, o.problem());
        assertEquals("unreadable", o.result());
        System.out.println("m31_flip_header_2025053101.nwb: " + o.bytes() + " bytes allocated, " + o.nanos() / 1e6 + " ms");
    }

    /** Reads {@code m} the way the services do, on this (confined) thread, measuring it. */
    static Outcome read(Mutant m, long budget) {
        long a0 = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        String result;
        String problem = null;
        try {
            RecordingReader.read(m.name(), ByteBuffer.wrap(m.bytes()), new ReadLimits(4 * budget, HANG));
            result = "read";
        } catch (UnreadableFileException e) {
            result = "unreadable";
            if (!e.getMessage().startsWith(m.name() + ": ")) {
                problem = "message does not name the file: " + e.getMessage();
            } else if (e.getMessage().contains("time budget")) {
                problem = "hangs: " + e.getMessage();
            }
        } catch (Throwable e) { // deliberately everything: OutOfMemoryError and StackOverflowError included
            result = "crash";
            problem = e.toString();
        }
        long nanos = System.nanoTime() - t0;
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - a0;
        if (problem == null && bytes > budget) {
            problem = "allocated " + bytes + " bytes, over its budget of " + budget;
        }
        return new Outcome(m.name(), m.what(), result, problem, nanos, bytes, budget);
    }

    interface Case {
        Outcome run(int k);
    }

    /**
     * Runs cases [0, n) on two one-thread pools (the readers then stay on that thread, so its
     * allocation count is the read's), in any order; outcomes by case. A read that never ends
     * fails the test after a generous guard instead of holding the build.
     */
    static List<Outcome> run(int n, Case c) throws InterruptedException {
        Outcome[] out = new Outcome[n];
        AtomicInteger next = new AtomicInteger();
        List<ForkJoinPool> pools = List.of(new ForkJoinPool(1), new ForkJoinPool(1));
        for (ForkJoinPool p : pools) {
            p.execute(() -> {
                for (int k; (k = next.getAndIncrement()) < n; ) {
                    out[k] = c.run(k);
                }
            });
        }
        for (ForkJoinPool p : pools) {
            p.shutdown();
            assertTrue(p.awaitTermination(30, TimeUnit.MINUTES), "a read never ended");
        }
        List<Outcome> list = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            assertTrue(out[k] != null, "case " + k + " did not run");
            list.add(out[k]);
        }
        return list;
    }

    /** The figures of a run, and its problems. */
    record Report(List<Outcome> outcomes, List<String> problems) {
        static Report of(List<Outcome> outcomes) {
            List<String> problems = new ArrayList<>();
            for (Outcome o : outcomes) {
                if (o.problem() != null) {
                    problems.add(o.name() + " (" + o.what() + "): " + o.problem());
                }
            }
            return new Report(outcomes, problems);
        }

        void print(Path file) throws IOException {
            if (outcomes.isEmpty()) {
                return;
            }
            Map<String, Integer> results = new TreeMap<>();
            Map<String, Integer> kinds = new TreeMap<>();
            Outcome slowest = outcomes.get(0);
            Outcome largest = outcomes.get(0);
            for (Outcome o : outcomes) {
                results.merge(o.result(), 1, Integer::sum);
                kinds.merge(o.what(), 1, Integer::sum);
                slowest = o.nanos() > slowest.nanos() ? o : slowest;
                largest = (double) o.bytes() / o.budget() > (double) largest.bytes() / largest.budget() ? o : largest;
            }
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "reader fuzz: %d mutants, %s, %d problems%n", outcomes.size(), results,
                    problems.size()));
            s.append(String.format(Locale.ROOT, "worst time: %.1f ms (%s)%n", slowest.nanos() / 1e6, slowest.name()));
            s.append(String.format(Locale.ROOT, "worst allocation: %.1f MB of a %.1f MB budget, %.0f%% (%s)%n",
                    largest.bytes() / 1e6, largest.budget() / 1e6, 100.0 * largest.bytes() / largest.budget(),
                    largest.name()));
            s.append("damage: ").append(kinds).append(System.lineSeparator());
            problems.stream().limit(50).forEach(p -> s.append("  PROBLEM ").append(p).append(System.lineSeparator()));
            System.out.print(s);
            if (file != null) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, s);
            }
        }
    }
}
