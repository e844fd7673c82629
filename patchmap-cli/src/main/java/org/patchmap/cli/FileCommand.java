package org.patchmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.recording.UnreadableFileException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A subcommand that reports on each file given: one JSON object per file in a JSON array on
 * standard output. A folder stands for the NWB and ABF files under it (by name, in path order).
 * A file that fails gives its {@code error}; the others go on, and the exit status stays 0 (the
 * arguments were fine).
 * <p>
 * Files are analysed on {@code --threads} workers, and each file's object is written as soon as it
 * and every file before it are done, in input order: the output is the same bytes as one file after
 * another, and memory holds only the few files in flight, however many are given. Each worker is a
 * one-thread fork-join pool, so a read is confined to its worker ({@code OneThread}) without a
 * thread of its own per file.
 */
abstract class FileCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "NWB or ABF recordings, or folders of them")
    List<Path> files;

    @Option(names = "--threads", paramLabel = "N",
            description = "files analysed at once (default: the number of processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    PrintStream out = System.out;

    /** The report of one file; an expected failure is thrown as one of the declared exceptions. */
    abstract ObjectNode report(Path file) throws UnreadableFileException, NoLongSquareException;

    @Override
    public Integer call() {
        List<Path> inputs = expand(files);
        int workers = Math.max(1, Math.min(threads, inputs.size()));
        List<ExecutorService> pools = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            pools.add(new ForkJoinPool(1));
        }
        // each file's report waits here until the ones before it are written; a few beyond the
        // workers keep them busy while a slow file holds up the output
        int window = 2 * workers;
        ArrayDeque<Future<String>> pending = new ArrayDeque<>();
        try (JsonGenerator json = CellReports.JSON.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // standard output stays open
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (int k = 0; k < inputs.size(); k++) {
                Path file = inputs.get(k);
                pending.add(pools.get(k % workers).submit(() -> text(safeReport(file))));
                while (pending.size() > window) {
                    write(json, pending.poll());
                }
            }
            while (!pending.isEmpty()) {
                write(json, pending.poll());
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pools.forEach(ExecutorService::shutdownNow);
        }
        out.println();
        out.flush();
        return 0;
    }

    /**
     * A file's object as it stands in the output array, made on the worker. The array's pretty printer
     * indents its elements as top-level values (its separators are inline), so the text is the same
     * as writing the tree in place.
     */
    private static String text(ObjectNode report) throws IOException {
        return CellReports.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    private static void write(JsonGenerator json, Future<String> report) throws IOException {
        try {
            json.writeRawValue(report.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // safeReport turns every exception into the file's error; only an Error gets here
            Throwable cause = e.getCause();
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        json.flush();
    }

    /**
     * The files to analyse, in the order given: a folder becomes its {@code .nwb} and {@code .abf}
     * files (any case), searched through its subfolders and sorted by path; anything else is taken
     * as a file, whatever its name (the reader decides by its first bytes). A folder without
     * recordings and an unreadable folder stay in the list, so that the reader names the problem.
     */
    static List<Path> expand(List<Path> args) {
        List<Path> out = new ArrayList<>();
        for (Path arg : args) {
            if (!Files.isDirectory(arg)) {
                out.add(arg);
                continue;
            }
            List<Path> found;
            try (Stream<Path> s = Files.walk(arg)) {
                found = s.filter(p -> Files.isRegularFile(p) && isRecordingName(p)).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                found = List.of();
            }
            if (found.isEmpty()) {
                out.add(arg);
            } else {
                out.addAll(found);
            }
        }
        return out;
    }

    private static boolean isRecordingName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".nwb") || name.endsWith(".abf"));
    }

    ObjectNode safeReport(Path file) {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
            return CellReports.error(name, name + ": a folder without .nwb or .abf files");
        }
        try {
            return report(file);
        } catch (UnreadableFileException | NoLongSquareException e) {
            return CellReports.error(name, e.getMessage());
        } catch (RuntimeException e) {
            // A bug, not a bad file: still one file's error, named, and the next file goes on.
            return CellReports.error(name, name + ": internal error: " + e);
        }
    }
}
