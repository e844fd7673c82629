package org.patchmap.cli;

import org.patchmap.sim.CellType;
import org.patchmap.sim.demo.DemoArchiveWriter;
import org.patchmap.sim.demo.DemoCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code patchmap simulate --cells N --out DIR [--seed S] [--threads T]}: writes the demo corpus of
 * simulated recordings as a folder of dandisets (see {@link DemoArchiveWriter}) with its manifest, and
 * prints a JSON summary (cells per type, bytes, seconds). The same N and seed give identical files.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write a corpus of SIMULATED patch-clamp recordings (the demo archive's dandisets).")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--cells", defaultValue = "2000", description = "number of cells (default ${DEFAULT-VALUE})")
    int cells;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder of the dandisets")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every draw (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "simulating threads (default: the processors)")
    Integer threads;

    PrintStream stdout = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        if (cells < 1) {
            err.println("simulate: --cells must be at least 1, not " + cells);
            return 2;
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        int step = Math.max(1, cells / 20);
        List<DemoArchiveWriter.WrittenCell> written = DemoArchiveWriter.write(out, cells, seed, workers, done -> {
            if (done % step == 0 || done == cells) {
                err.printf(Locale.ROOT, "simulate: %d/%d cells%n", done, cells);
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = written.stream().mapToLong(DemoArchiveWriter.WrittenCell::bytes).sum();
        Map<CellType, Long> types = DemoCorpus.typeCounts(written.stream().map(DemoArchiveWriter.WrittenCell::cell).toList());
        String perType = types.entrySet().stream()
                .map(e -> "\"" + e.getKey().name().toLowerCase(Locale.ROOT) + "\": " + e.getValue())
                .collect(Collectors.joining(", "));
        stdout.printf(Locale.ROOT, "{\"simulated\": true, \"cells\": %d, \"seed\": %d, \"out\": \"%s\", \"bytes\": %d, "
                        + "\"seconds\": %.1f, \"threads\": %d, \"types\": {%s}}%n", written.size(), seed,
                out.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\""), bytes, seconds, workers, perType);
        return 0;
    }
}
