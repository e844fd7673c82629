package org.patchmap.cli;

import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.numeric.Stats;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.recording.UnreadableFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code patchmap bench}: time per file of read + family detection (and features), after warm-up,
 * single-threaded. A harness that prints numbers for docs/benchmarks.md, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time read + long-square detection (+ features with --features) per file, after warm-up.",
        subcommands = BenchAtlasCommand.class)
final class BenchCommand implements Callable<Integer> {
    // Optional for picocli, so that `bench atlas` needs no file; required in call().
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "NWB or ABF recordings")
    List<Path> files = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--features", description = "also compute spikes and cell features")
    boolean features;

    @Option(names = "--warmup", defaultValue = "10", description = "untimed rounds over all files (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rounds", defaultValue = "20", description = "timed rounds over all files (default ${DEFAULT-VALUE})")
    int rounds;

    PrintStream out = System.out;

    @Override
    public Integer call() {
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        for (int r = 0; r < warmup; r++) {
            for (Path f : files) {
                once(f);
            }
        }
        List<Double> medians = new ArrayList<>();
        List<Double> cellMedians = new ArrayList<>();
        out.printf(Locale.ROOT, "%-40s %10s %10s %10s  %s%n", "file", "median ms", "min ms", "max ms", "outcome");
        for (Path f : files) {
            double[] ms = new double[rounds];
            String outcome = "";
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                outcome = once(f);
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            double median = Stats.medianOfSorted(ms, ms.length);
            medians.add(median);
            if (!outcome.equals("error")) {
                cellMedians.add(median);
            }
            out.printf(Locale.ROOT, "%-40s %10.2f %10.2f %10.2f  %s%n", f.getFileName(), median, ms[0],
                    ms[ms.length - 1], outcome);
        }
        String what = features ? "read + detect + features" : "read + detect";
        double[] all = medians.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cells = cellMedians.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(Locale.ROOT, "median over %d files: %.2f ms per file (%s, %d warm-up + %d timed rounds)%n",
                all.length, Stats.medianOfSorted(all, all.length), what, warmup, rounds);
        out.printf(Locale.ROOT, "median over the %d files that give a cell: %.2f ms per cell%n", cells.length,
                Stats.medianOfSorted(cells, cells.length));
        return 0;
    }

    private String once(Path file) {
        try {
            Recording recording = RecordingReader.read(file);
            SweepFamily family = LongSquareDetector.detect(recording);
            if (features) {
                CellAnalysis.features(family);
            }
            return family.sweeps().size() + " sweeps";
        } catch (UnreadableFileException | NoLongSquareException e) {
            return "error";
        }
    }
}
