package org.patchmap.cli;

import org.patchmap.cli.atlas.AtlasCell;
import org.patchmap.cli.atlas.LabConditions;
import org.patchmap.cli.atlas.MapPicture;
import org.patchmap.cli.atlas.MapQuality;
import org.patchmap.cli.atlas.SimulatedAtlas;
import org.patchmap.core.map.LeftOffCell;
import org.patchmap.core.map.MapBuilder;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MapParameters;
import org.patchmap.core.map.MapResult;
import org.patchmap.core.map.MappedCell;
import org.patchmap.core.numeric.Stats;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.sim.CellType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code patchmap bench atlas}: does the map of simulated cells recover their known types? Draws cells of the
 * six simulated types, records each at a lab's conditions, computes PatchMap's features, builds the map as
 * embedding-service does (the map features of {@link MapCell#fromRaw}, i.e. the core's range QC and
 * transforms, and {@link MapParameters#defaults()}, the service's default configuration) and prints type
 * purity of map neighbours, the adjusted Rand index of the map's clusters, and the landmarks (AP width
 * gradient, the Ih-rich and late-spiking islands). A harness that prints numbers for docs/benchmarks.md,
 * not a test.
 */
@Command(name = "atlas", mixinStandardHelpOptions = true,
        description = "Map simulated cells of known types and measure how well the map recovers them.")
final class BenchAtlasCommand implements Callable<Integer> {
    static final int K = 15;
    static final String WIDTH = "ap_1_width_0_long_square";

    @Option(names = "--cells", defaultValue = "600", description = "simulated cells (default ${DEFAULT-VALUE})")
    int cells;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the cells and their conditions (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--map-seed", defaultValue = "" + MapParameters.DEFAULT_SEED,
            description = "the map's seed (default ${DEFAULT-VALUE}, embedding-service's)")
    long mapSeed;

    @Option(names = "--threads", description = "simulation threads (default: processors)")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "write atlas-by-type.png, atlas-by-ap-width.png and atlas.csv here")
    Path outDir;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<AtlasCell> drawn = SimulatedAtlas.draw(cells, seed);
        int step = Math.max(1, cells / 10);
        List<AtlasCell> corpus = SimulatedAtlas.simulate(drawn, workers, done -> {
            if (done % step == 0 || done == cells) {
                err.printf(Locale.ROOT, "atlas: %d of %d cells simulated and analysed (%.0f s)%n", done, cells,
                        (System.nanoTime() - t0) / 1e9);
            }
        });
        long t1 = System.nanoTime();

        List<MapCell> input = new ArrayList<>();
        Map<String, AtlasCell> byId = new HashMap<>();
        Map<String, Integer> failures = new TreeMap<>();
        for (AtlasCell c : corpus) {
            byId.put(c.cell().id(), c);
            if (c.analysed()) {
                input.add(MapCell.fromRaw(c.cell().id(), null, c.features()));
            } else {
                failures.merge(c.failure(), 1, Integer::sum);
            }
        }
        MapParameters parameters = MapParameters.defaults().withSeed(mapSeed);
        MapResult map = new MapBuilder(parameters).build(input);
        long t2 = System.nanoTime();

        List<MappedCell> mapped = map.cells();
        int n = mapped.size();
        double[][] xy = new double[n][];
        int[] types = new int[n];
        int[] clusters = new int[n];
        double[] width = new double[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            MappedCell m = mapped.get(i);
            AtlasCell c = byId.get(m.cellId());
            xy[i] = new double[] {m.x(), m.y()};
            types[i] = c.cell().type().ordinal();
            clusters[i] = m.cluster();
            width[i] = c.value(WIDTH) * 1000;
            index.put(m.cellId(), i);
        }
        int[][] inPlane = MapQuality.nearestInPlane(xy, K);
        int[][] inFeatures = new int[n][];
        for (int i = 0; i < n; i++) {
            inFeatures[i] = mapped.get(i).neighbours().stream().limit(K).mapToInt(nb -> index.get(nb.cellId()))
                    .toArray();
        }
        double[] mapPurity = MapQuality.purity(inPlane, types);
        double[] featurePurity = MapQuality.purity(inFeatures, types);
        double ari = MapQuality.adjustedRand(types, clusters);
        MapQuality.Gradient gradient = MapQuality.gradient(xy, width);
        long t3 = System.nanoTime();

        CellType[] all = CellType.values();
        out.printf(Locale.ROOT, "demo atlas quality: %d simulated cells (seed %d), %d types; map seed %d, "
                        + "n_neighbors %d, min_dist %s, spread %s, %d epochs, GMM %d..%d by BIC%n", cells, seed,
                all.length, mapSeed, parameters.nNeighbors(), parameters.minDist(), parameters.spread(),
                parameters.epochsFor(n), parameters.minClusters(), parameters.maxClusters());
        conditions(corpus);
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        out.printf(Locale.ROOT, "features failed: %d cells%n", failed);
        failures.forEach((why, count) -> out.printf(Locale.ROOT, "  %4d  %s%n", count, why));
        out.printf(Locale.ROOT, "left off the map: %d cells%n", map.leftOff().size());
        map.leftOff().stream().collect(Collectors.groupingBy(l -> byId.get(l.cellId()).cell().type(), TreeMap::new,
                Collectors.counting())).forEach((t, c) -> out.printf(Locale.ROOT, "  %4d  %s%n", c, t));
        for (LeftOffCell l : map.leftOff().subList(0, Math.min(5, map.leftOff().size()))) {
            out.printf(Locale.ROOT, "        e.g. %s: %s%n", l.cellId(), l.reason());
        }
        out.printf(Locale.ROOT, "on the map: %d cells, %d components, %d clusters%n", n, map.components(),
                map.clusters());
        out.println();
        out.printf(Locale.ROOT, "%d-NN type purity, 2-D map:     %.4f   (target >= 0.8)%n", K,
                MapQuality.mean(mapPurity, types, -1));
        out.printf(Locale.ROOT, "%d-NN type purity, features:    %.4f   (cosine on the scaled, imputed 16 map features)%n",
                K, MapQuality.mean(featurePurity, types, -1));
        out.printf(Locale.ROOT, "ARI, map clusters vs types:   %.4f   (target >= 0.5; Smile AdjustedRandIndex)%n", ari);
        out.printf(Locale.ROOT, "AP width landmark: Spearman rho %.4f of ap_1 width at rheobase with the map "
                + "direction %d deg (%d cells with a width; 1 deg search)%n", gradient.rho(), gradient.degrees(),
                gradient.points());
        landmark("sag landmark (IH_RICH)", CellType.IH_RICH, types, inPlane, clusters);
        landmark("latency landmark (LATE_SPIKING)", CellType.LATE_SPIKING, types, inPlane, clusters);
        out.println();
        out.printf(Locale.ROOT, "%-24s %5s %9s %9s %9s %9s %9s%n", "per type", "cells", "map 15NN", "feat 15NN",
                "majority", "in it", "own clus");
        for (CellType t : all) {
            MapQuality.Island island = MapQuality.island(t.ordinal(), types, inPlane, clusters);
            out.printf(Locale.ROOT, "%-24s %5d %9.3f %9.3f %9d %9.3f %9s%n", t, island.points(),
                    MapQuality.mean(mapPurity, types, t.ordinal()), MapQuality.mean(featurePurity, types, t.ordinal()),
                    island.majorityCluster(), island.inMajorityCluster(), island.ownClusters());
        }
        table("map neighbours' types (row: the cell's type; share of its 15 map neighbours)",
                MapQuality.neighbourMix(inPlane, types), all);
        int[][] contingency = MapQuality.contingency(clusters, types);
        out.println();
        out.printf(Locale.ROOT, "clusters x types (cells)%n%-8s", "cluster");
        for (CellType t : all) {
            out.printf(Locale.ROOT, " %7s", abbreviation(t));
        }
        out.println();
        for (int c = 0; c < contingency.length; c++) {
            out.printf(Locale.ROOT, "%-8d", c);
            for (int x : contingency[c]) {
                out.printf(Locale.ROOT, " %7d", x);
            }
            out.println();
        }
        medians(corpus);
        out.println();
        out.printf(Locale.ROOT, "time: simulation + features %.1f s on %d threads (%.2f s per cell), map %.1f s, "
                + "metrics %.1f s%n", (t1 - t0) / 1e9, workers, (t1 - t0) / 1e9 / cells, (t2 - t1) / 1e9,
                (t3 - t2) / 1e9);

        if (outDir != null) {
            Files.createDirectories(outDir);
            List<String> names = Arrays.stream(all).map(Enum::name).toList();
            String what = String.format(Locale.ROOT, "%d simulated cells, seed %d", n, seed);
            MapPicture.byLabel(xy, types, names, "Demo atlas by simulated type (" + what + ")",
                    outDir.resolve("atlas-by-type.png"));
            MapPicture.byValue(xy, width, "AP width, ms", "Demo atlas by AP width at rheobase (" + what + ")",
                    outDir.resolve("atlas-by-ap-width.png"));
            writeCsv(corpus, map, outDir.resolve("atlas.csv"));
            out.printf(Locale.ROOT, "wrote %s%n", outDir);
        }
        out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private void landmark(String name, CellType type, int[] types, int[][] inPlane, int[] clusters) {
        MapQuality.Island i = MapQuality.island(type.ordinal(), types, inPlane, clusters);
        out.printf(Locale.ROOT, "%s: %d cells; mean share of their %d map neighbours of the type %.4f, all %d "
                        + "of the type for %.4f of them; majority cluster %d holds %.4f of them; clusters where the "
                        + "type is the majority: %s, holding %.4f of them at purity %.4f%n", name, i.points(), K,
                i.neighbourFraction(), K, i.allNeighbours(), i.majorityCluster(), i.inMajorityCluster(),
                i.ownClusters(), i.inOwnClusters(), i.ownClusterPurity());
    }

    /** Each row as shares of its total. */
    private void table(String title, int[][] mix, CellType[] all) {
        out.println();
        out.printf(Locale.ROOT, "%s%n%-24s", title, "");
        for (CellType t : all) {
            out.printf(Locale.ROOT, " %7s", abbreviation(t));
        }
        out.println();
        for (int a = 0; a < mix.length; a++) {
            int total = Arrays.stream(mix[a]).sum();
            out.printf(Locale.ROOT, "%-24s", all[a]);
            for (int x : mix[a]) {
                out.printf(Locale.ROOT, " %7.3f", (double) x / Math.max(1, total));
            }
            out.println();
        }
    }

    private static String abbreviation(CellType t) {
        return switch (t) {
            case FAST_SPIKING -> "FS";
            case REGULAR_SPIKING -> "RS";
            case INTRINSICALLY_BURSTING -> "IB";
            case LOW_THRESHOLD_SPIKING -> "LTS";
            case IH_RICH -> "IH";
            case LATE_SPIKING -> "LATE";
        };
    }

    private void conditions(List<AtlasCell> corpus) {
        Map<String, Long> mix = new TreeMap<>();
        for (AtlasCell c : corpus) {
            mix.merge(String.format(Locale.ROOT, "%.0f kHz", c.lab().conditions().samplingRateHz() / 1000), 1L, Long::sum);
            mix.merge(c.lab().physiological() ? "32-35 C" : "22-24 C", 1L, Long::sum);
            mix.merge(c.lab().protocolName(), 1L, Long::sum);
        }
        out.printf(Locale.ROOT, "conditions: %s; rig noise 0.05-0.2 mV%n", mix);
    }

    /** Per type and temperature band, medians of the features that define the types. */
    private void medians(List<AtlasCell> corpus) {
        String[] names = {"input_resistance", "sag_nearest_minus_100", "rheobase_i", WIDTH, "avg_rate_0_long_square",
                "latency_0_long_square", "ap_1_upstroke_0_long_square", "ap_1_fast_trough_v_0_long_square",
                "v_baseline", "tau"};
        String[] heads = {"Rin MΩ", "sag", "rheo pA", "width ms", "rate0 Hz", "lat0 s", "upstr", "trough", "Vbase", "tau ms"};
        double[] scale = {1, 1, 1, 1000, 1, 1, 1, 1, 1, 1000};
        out.println();
        out.printf(Locale.ROOT, "medians (raw features) per type and temperature band%n%-30s", "");
        for (String h : heads) {
            out.printf(Locale.ROOT, " %8s", h);
        }
        out.println();
        for (CellType t : CellType.values()) {
            for (boolean warm : new boolean[] {false, true}) {
                List<AtlasCell> group = corpus.stream().filter(c -> c.cell().type() == t && c.analysed()
                        && c.lab().physiological() == warm).toList();
                out.printf(Locale.ROOT, "%-22s %-7s", t, warm ? "32-35C" : "22-24C");
                for (int f = 0; f < names.length; f++) {
                    String name = names[f];
                    double[] v = group.stream().mapToDouble(c -> c.value(name)).filter(x -> !Double.isNaN(x))
                            .sorted().toArray();
                    out.printf(Locale.ROOT, " %8.3f", v.length == 0 ? Double.NaN : Stats.medianOfSorted(v, v.length)
                            * scale[f]);
                }
                out.println();
            }
        }
    }

    /** Per cell: its truth, conditions, map position and cluster (empty when not mapped), and its raw map inputs. */
    private static void writeCsv(List<AtlasCell> corpus, MapResult map, Path file) throws IOException {
        Map<String, MappedCell> mapped = new HashMap<>();
        map.cells().forEach(m -> mapped.put(m.cellId(), m));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            StringBuilder header = new StringBuilder("cell_id,type,temperature_c,sampling_khz,noise_mv,protocol,x,y,cluster");
            List<String> extra = List.of("rheobase_i", "fi_linear_fit_slope", "first_isi_0_long_square", "adapt_0_long_square");
            MapFeatures.INPUTS.forEach(i -> header.append(',').append(i.source()));
            extra.forEach(e -> header.append(',').append(e));
            w.print(header.append('\n'));
            for (AtlasCell c : corpus) {
                MappedCell m = mapped.get(c.cell().id());
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s,%s,%.1f,%.0f,%.3f,%s,%s,%s,%s",
                        c.cell().id(), c.cell().type(), c.lab().conditions().temperatureC(),
                        c.lab().conditions().samplingRateHz() / 1000, c.lab().conditions().rig().noiseMv(),
                        c.lab().protocolName(), m == null ? "" : String.format(Locale.ROOT, "%.6f", m.x()),
                        m == null ? "" : String.format(Locale.ROOT, "%.6f", m.y()),
                        m == null ? "" : Integer.toString(m.cluster())));
                MapFeatures.INPUTS.forEach(i -> line.append(',').append(number(c, i.source())));
                extra.forEach(e -> line.append(',').append(number(c, e)));
                w.print(line.append('\n'));
            }
        }
    }

    private static String number(AtlasCell c, String name) {
        double v = c.value(name);
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
