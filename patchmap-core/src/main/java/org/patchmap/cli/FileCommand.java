package org.patchmap.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.recording.UnreadableFileException;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A subcommand that reports on each file given: one JSON object per file in a JSON array on
 * standard output. A file that fails gives its {@code error}; the others go on, and the exit
 * status stays 0 (the arguments were fine).
 */
abstract class FileCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "NWB or ABF recordings")
    List<Path> files;

    PrintStream out = System.out;

    /** The report of one file; an expected failure is thrown as one of the declared exceptions. */
    abstract ObjectNode report(Path file) throws UnreadableFileException, NoLongSquareException;

    @Override
    public Integer call() {
        ArrayNode all = CellReports.JSON.createArrayNode();
        for (Path file : files) {
            all.add(safeReport(file));
        }
        try {
            out.println(CellReports.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    ObjectNode safeReport(Path file) {
        String name = file.getFileName().toString();
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
