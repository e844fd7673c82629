package org.patchmap.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.patchmap.core.map.LeftOffCell;
import org.patchmap.core.map.MapBuilder;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MapParameters;
import org.patchmap.core.map.MapResult;
import org.patchmap.core.map.MappedCell;
import org.patchmap.core.qc.MapFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code patchmap map --features IN.csv --out OUT.csv [--seed S]}: the map (spec section 6) of a table of cells.
 * IN has {@code cell_id}, the 16 map features in raw ipfx units and names, optionally {@code dandiset}
 * (imputation looks there first); other columns are ignored; an empty, NaN or null value is missing.
 * OUT has {@code cell_id,x,y,cluster} for every mapped cell in input order, numbers as %.6f; the cells left
 * off go to standard error with their reason.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Build the map (cosine UMAP, clusters) of the cells in a features CSV.")
final class MapCommand implements Callable<Integer> {
    static final String ID = "cell_id";
    static final String DANDISET = "dandiset";

    @Option(names = "--features", required = true, paramLabel = "IN.csv",
            description = "cell_id, the 16 map features (ipfx names, raw units), optional dandiset")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "cell_id,x,y,cluster")
    Path out;

    @Option(names = "--seed", defaultValue = "" + MapParameters.DEFAULT_SEED,
            description = "seed of every random choice (default ${DEFAULT-VALUE})")
    long seed;

    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        List<MapCell> cells;
        try {
            cells = read(in);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        MapResult map;
        try {
            map = new MapBuilder(MapParameters.defaults().withSeed(seed)).build(cells);
        } catch (IllegalArgumentException e) {
            err.println(in + ": " + e.getMessage());
            return 2;
        }
        write(map, out);
        for (LeftOffCell c : map.leftOff()) {
            err.println(in.getFileName() + ": " + c.cellId() + " left off the map: " + c.reason());
        }
        return 0;
    }

    /** The cells of a features CSV; a missing column or a value that is not a number names the file and row. */
    static List<MapCell> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<MapCell> cells = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            List<String> needed = new ArrayList<>();
            needed.add(ID);
            MapFeatures.INPUTS.forEach(i -> needed.add(i.source()));
            List<String> absent = needed.stream().filter(c -> !header.contains(c)).toList();
            if (!absent.isEmpty()) {
                throw new IllegalArgumentException(file + ": no column " + String.join(", ", absent)
                        + " (the map needs cell_id and the 16 map features: " + String.join(", ", needed.subList(1,
                        needed.size())) + ")");
            }
            boolean hasDandiset = header.contains(DANDISET);
            for (CSVRecord row : parser) {
                String id = row.get(ID);
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(file + " line " + row.getParser().getCurrentLineNumber()
                            + ": empty cell_id");
                }
                Map<String, Double> raw = new LinkedHashMap<>();
                for (MapFeatures.Input input : MapFeatures.INPUTS) {
                    raw.put(input.source(), number(file, row, input.source()));
                }
                String dandiset = hasDandiset && !row.get(DANDISET).isEmpty() ? row.get(DANDISET) : null;
                cells.add(MapCell.fromRaw(id, dandiset, raw));
            }
        }
        return cells;
    }

    private static Double number(Path file, CSVRecord row, String column) {
        String text = row.get(column);
        if (text.isEmpty() || text.equalsIgnoreCase("nan") || text.equalsIgnoreCase("null")) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + row.getParser().getCurrentLineNumber() + ", cell "
                    + row.get(ID) + ": " + column + " \"" + text + "\" is not a number");
        }
    }

    static void write(MapResult map, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                     .setHeader(ID, "x", "y", "cluster").get())) {
            for (MappedCell c : map.cells()) {
                printer.printRecord(c.cellId(), String.format(Locale.ROOT, "%.6f", c.x()),
                        String.format(Locale.ROOT, "%.6f", c.y()), c.cluster());
            }
        }
    }
}
