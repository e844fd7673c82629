package org.patchmap.cli;

import org.patchmap.core.map.CosineKnn;
import org.patchmap.core.map.KnnMethod;
import org.patchmap.core.map.MapBuilder;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MapParameters;
import org.patchmap.core.map.MapPlacer;
import org.patchmap.core.map.MapResult;
import org.patchmap.core.map.MapTimings;
import org.patchmap.core.map.MappedCell;
import org.patchmap.core.map.NeighbourPreservation;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.core.qc.MapFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code patchmap bench-map}: builds the map of deterministic synthetic cells (a mixture of cell types with
 * missing values) at the default parameters and prints the time per stage (with the kNN method the map's size
 * chose), the neighbour preservation, the time to place one new cell and, with {@code --recall}, the recall of
 * the approximate kNN search against the exact one. A harness that prints numbers for docs/benchmarks.md, not a test.
 */
@Command(name = "bench-map", mixinStandardHelpOptions = true,
        description = "Time the map of synthetic cells (stages, neighbour preservation, placement per cell).")
final class BenchMapCommand implements Callable<Integer> {
    @Option(names = "--cells", defaultValue = "10000", description = "reference cells (default ${DEFAULT-VALUE})")
    int cells;

    @Option(names = "--types", defaultValue = "12", description = "cell types in the mixture (default ${DEFAULT-VALUE})")
    int types;

    @Option(names = "--missing", defaultValue = "0.05", description = "share of missing values (default ${DEFAULT-VALUE})")
    double missing;

    @Option(names = "--placements", defaultValue = "1000", description = "new cells placed (default ${DEFAULT-VALUE})")
    int placements;

    @Option(names = "--seed", defaultValue = "" + MapParameters.DEFAULT_SEED, description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", description = "UMAP epochs (default: the map's default)")
    Integer epochs;

    @Option(names = "--write-input", paramLabel = "IN.csv",
            description = "also write the synthetic cells as a `patchmap map` input CSV")
    Path writeInput;

    @Option(names = "--write-matrix", paramLabel = "MATRIX.csv",
            description = "also write the scaled, imputed matrix UMAP saw and the map (for umap_learn_compare.py)")
    Path writeMatrix;

    @Option(names = "--recall",
            description = "also search the map's graph both exactly and by nearest-neighbour descent and print the "
                    + "descent's recall of the exact neighbours (an n² search: slow above 30,000 cells)")
    boolean recall;

    @Option(names = "--no-placement", description = "skip the placement timing")
    boolean noPlacement;

    @Option(names = "--no-preservation",
            description = "skip the neighbour preservation (every cell up to 20,000 cells, a seeded sample of 5,000 above)")
    boolean noPreservation;

    PrintStream out = System.out;

    @Override
    public Integer call() throws IOException {
        List<SyntheticCells.Row> rows = SyntheticCells.generate(cells + placements, types, missing, seed);
        List<MapCell> reference = rows.subList(0, cells).stream().map(SyntheticCells.Row::cell).toList();
        List<MapCell> fresh = rows.subList(cells, rows.size()).stream().map(SyntheticCells.Row::cell).toList();
        if (writeInput != null) {
            writeInput(rows.subList(0, cells), writeInput);
        }
        MapParameters p = MapParameters.defaults().withSeed(seed);
        if (epochs != null) {
            p = p.withEpochs(epochs);
        }
        MapResult map = new MapBuilder(p).build(reference);
        MapTimings t = map.timings();
        out.printf(Locale.ROOT, "map of %d synthetic cells (%d types, %.0f%% missing), %d on the map, %d left off, "
                        + "%d components, %d clusters, %d epochs%n", cells, types, missing * 100, map.cells().size(),
                map.leftOff().size(), map.components(), map.clusters(), p.epochsFor(map.cells().size()));
        out.printf(Locale.ROOT, "  prepare (QC, scaling, imputation) %8.0f ms%n", t.prepareNanos() / 1e6);
        out.printf(Locale.ROOT, "  kNN (cosine, %-10s k = %d)   %8.0f ms%n", KnnMethod.forCells(map.cells().size()).label()
                + ",", p.nNeighbors(), t.knnNanos() / 1e6);
        out.printf(Locale.ROOT, "  UMAP (fuzzy graph, layout)         %8.0f ms%n", t.umapNanos() / 1e6);
        out.printf(Locale.ROOT, "  PCA                                %8.0f ms%n", t.pcaNanos() / 1e6);
        out.printf(Locale.ROOT, "  GMM over %d..%d, BIC               %8.0f ms%n", p.minClusters(), p.maxClusters(),
                t.clustersNanos() / 1e6);
        out.printf(Locale.ROOT, "  neighbours                         %8.0f ms%n", t.neighboursNanos() / 1e6);
        out.printf(Locale.ROOT, "  total                              %8.0f ms%n", t.totalNanos() / 1e6);
        if (!noPreservation) {
            long q0 = System.nanoTime();
            NeighbourPreservation.Measure m = NeighbourPreservation.of(map, 15);
            String on = m.sampled() ? String.format(Locale.ROOT, " (on a seeded sample of %d of the %d cells, each "
                    + "against all: exact neighbours in feature space and on the map; %.0f ms)", m.measured(), m.cells(),
                    (System.nanoTime() - q0) / 1e6) : "";
            out.printf(Locale.ROOT, "neighbour preservation (15 feature-space neighbours among 15 map neighbours): "
                    + "%.4f%s%n", m.fraction(), on);
        }
        if (recall) {
            printRecall(map.model().referenceRows(), Math.min(p.nNeighbors(), map.cells().size()), p.seed());
        }
        if (!noPlacement) {
            timePlacement(map, fresh);
        }
        if (writeMatrix != null) {
            writeMatrix(map, writeMatrix);
        }
        return 0;
    }

    /** Both searches of the map's graph on the rows it was built from, and the descent's recall. */
    private void printRecall(double[][] rows, int k, long seed) {
        long r0 = System.nanoTime();
        CosineKnn.KnnGraph exact = KnnMethod.EXACT.graph(rows, k, seed);
        long r1 = System.nanoTime();
        CosineKnn.KnnGraph descent = KnnMethod.NN_DESCENT.graph(rows, k, seed);
        long r2 = System.nanoTime();
        out.printf(Locale.ROOT, "kNN recall (k = %d, self excluded): nn-descent %.4f of the exact neighbours; "
                        + "exact %.0f ms, nn-descent %.0f ms (the map uses %s up to %,d cells)%n", k,
                KnnMethod.recall(descent, exact), (r1 - r0) / 1e6, (r2 - r1) / 1e6, KnnMethod.EXACT.label(),
                KnnMethod.EXACT_UP_TO);
    }

    private void timePlacement(MapResult map, List<MapCell> fresh) {

        long p0 = System.nanoTime();
        MapPlacer placer = new MapPlacer(map);
        long p1 = System.nanoTime();
        for (MapCell c : fresh) { // warm-up
            placer.place(c);
        }
        long p2 = System.nanoTime();
        int placed = 0;
        for (MapCell c : fresh) {
            placed += placer.place(c).placed() ? 1 : 0;
        }
        long p3 = System.nanoTime();
        out.printf(Locale.ROOT, "placement: prepare %.0f ms once per map; %.3f ms per cell (%d cells, %d placed, "
                + "after one warm-up pass)%n", (p1 - p0) / 1e6, (p3 - p2) / 1e6 / Math.max(1, fresh.size()),
                fresh.size(), placed);
    }

    private static void writeInput(List<SyntheticCells.Row> rows, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            StringBuilder header = new StringBuilder(MapCommand.ID + "," + MapCommand.DANDISET);
            MapFeatures.INPUTS.forEach(i -> header.append(',').append(i.source()));
            w.print(header.append('\n'));
            for (SyntheticCells.Row r : rows) {
                StringBuilder line = new StringBuilder(r.cellId() + "," + r.dandiset());
                r.raw().values().forEach(v -> line.append(',').append(v == null ? "" : Double.toString(v)));
                w.print(line.append('\n'));
            }
        }
    }

    /** cell_id, the 16 scaled imputed features (as UMAP saw them), then this map's x, y. */
    private static void writeMatrix(MapResult map, Path file) throws IOException {
        double[][] rows = map.model().referenceRows();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.print("cell_id," + String.join(",", MapFeatures.NAMES) + ",x,y\n");
            for (int i = 0; i < rows.length; i++) {
                MappedCell c = map.cells().get(i);
                StringBuilder line = new StringBuilder(c.cellId());
                for (double v : rows[i]) {
                    line.append(',').append(v);
                }
                w.print(line.append(',').append(c.x()).append(',').append(c.y()).append('\n'));
            }
        }
    }
}
