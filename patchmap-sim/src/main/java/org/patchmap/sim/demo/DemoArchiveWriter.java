package org.patchmap.sim.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.patchmap.core.recording.Recording;
import org.patchmap.sim.Session;
import org.patchmap.sim.Simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Writes a demo corpus as a folder of dandisets that the local archive serves:
 * {@code <root>/<dandiset>/dandiset.json}, {@code assets.json} (each asset's subject and
 * {@code simulated} truth) and the recordings under their asset paths; {@code <root>/manifest.tsv}
 * lists every cell with its type, layout and digest; {@code <root>/corpus.json} is written last and
 * says which corpus the folder holds, so a complete folder is reused rather than rewritten. Cells are
 * simulated in parallel; the files depend only on the plan.
 */
public final class DemoArchiveWriter {
    public static final String MANIFEST = "manifest.tsv";
    public static final String STAMP = "corpus.json";
    /** Changes whenever the same plan would give other files. */
    static final String GENERATOR = "patchmap-sim demo corpus 2";
    static final String MANIFEST_HEADER = "dandiset\tpath\tcell\ttype\tlayout\ttemperature_C\tsampling_rate_Hz\tseed"
            + "\tsubject\tage_days\tsex\tbytes\tsha256";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One written file. */
    public record WrittenCell(DemoCell cell, long bytes, String sha256) {
        public CorpusFile file() {
            return new CorpusFile(cell.lab().dandisetId(), cell.path(), bytes, sha256);
        }
    }

    /** A file of a written corpus, as its manifest lists it: dandiset, asset path, size and SHA-256. */
    public record CorpusFile(String dandisetId, String path, long bytes, String sha256) {
    }

    /** The files of the complete corpus under {@code root}, from its manifest. */
    public static List<CorpusFile> files(Path root) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(MANIFEST), StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(MANIFEST_HEADER)) {
            throw new IOException(root.resolve(MANIFEST) + ": not a demo corpus manifest (its header differs)");
        }
        List<CorpusFile> files = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            files.add(new CorpusFile(f[0], f[1], Long.parseLong(f[f.length - 2]), f[f.length - 1]));
        }
        return files;
    }

    private DemoArchiveWriter() {
    }

    /** Whether {@code root} already holds the complete corpus of {@code n} cells from {@code seed}. */
    public static boolean isComplete(Path root, int n, long seed) throws IOException {
        Path stamp = root.resolve(STAMP);
        if (!Files.exists(stamp)) {
            return false;
        }
        com.fasterxml.jackson.databind.JsonNode s = JSON.readTree(stamp.toFile());
        return GENERATOR.equals(s.path("generator").asText()) && s.path("cells").asLong() == n
                && s.path("seed").isIntegralNumber() && s.path("seed").asLong() == seed;
    }

    /** Hears each cell as soon as its file is written, with the number written so far (from the writing threads). */
    public interface Listener {
        void written(WrittenCell cell, int done);
    }

    /**
     * Writes the corpus of {@code n} cells from {@code seed} under {@code root} with {@code threads}
     * workers; {@code progress} hears the number of cells written so far.
     */
    public static List<WrittenCell> write(Path root, int n, long seed, int threads, IntConsumer progress)
            throws IOException {
        return write(root, n, seed, threads, (cell, done) -> progress.accept(done));
    }

    /**
     * Writes the corpus as {@link #write(Path, int, long, int, IntConsumer)} does. Each dandiset's
     * {@code dandiset.json} and {@code assets.json} are written first (the plan fixes them; the byte
     * count is filled in at the end), so an archive can serve every file as soon as it is written.
     */
    public static List<WrittenCell> write(Path root, int n, long seed, int threads, Listener listener)
            throws IOException {
        List<DemoCell> plan = prepare(root, n, seed);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "demo-corpus");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<WrittenCell>> futures = new ArrayList<>();
            for (DemoCell c : plan) {
                futures.add(pool.submit(() -> {
                    WrittenCell w = writeCell(root, c);
                    listener.written(w, done.incrementAndGet());
                    return w;
                }));
            }
            List<WrittenCell> written = new ArrayList<>(plan.size());
            for (Future<WrittenCell> f : futures) {
                written.add(f.get());
            }
            writeDandisets(root, written);
            writeManifest(root, written);
            JSON.writeValue(root.resolve(STAMP).toFile(), stamp(n, seed));
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("writing the demo corpus was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException("writing the demo corpus failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts the corpus of {@code n} cells from {@code seed} under {@code root}: removes the stamp
     * of a complete corpus and writes each dandiset's {@code dandiset.json} and {@code assets.json}
     * (the byte count 0 until the end); returns the plan.
     */
    public static List<DemoCell> prepare(Path root, int n, long seed) throws IOException {
        List<DemoCell> plan = DemoCorpus.plan(n, seed);
        Files.createDirectories(root);
        Files.deleteIfExists(root.resolve(STAMP));
        writeDandisets(root, plan.stream().map(c -> new WrittenCell(c, 0, null)).toList());
        return plan;
    }

    /** The recording of one demo cell, as written to its file, with its simulated lab's name. */
    public static Recording record(DemoCell c) {
        Recording r = Simulator.record(c.cell(), new Session(c.lab().protocols(), c.conditions()));
        return new Recording(r.fileName(), r.format(), r.sweeps(), r.skipped(), r.subject().withLab(c.lab().name(),
                null));
    }

    private static WrittenCell writeCell(Path root, DemoCell c) {
        byte[] bytes = c.lab().format().bytes(record(c));
        Path file = root.resolve(c.lab().dandisetId()).resolve(c.path());
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WrittenCell(c, bytes.length, sha256(bytes));
    }

    private static void writeDandisets(Path root, List<WrittenCell> written) throws IOException {
        Map<DemoLab, List<WrittenCell>> byLab = new LinkedHashMap<>();
        written.forEach(w -> byLab.computeIfAbsent(w.cell().lab(), k -> new ArrayList<>()).add(w));
        for (Map.Entry<DemoLab, List<WrittenCell>> e : byLab.entrySet()) {
            Path folder = Files.createDirectories(root.resolve(e.getKey().dandisetId()));
            long bytes = e.getValue().stream().mapToLong(WrittenCell::bytes).sum();
            JSON.writeValue(folder.resolve("dandiset.json").toFile(),
                    DemoAssetMetadata.dandiset(e.getKey(), e.getValue().size(), bytes));
            ObjectNode assets = JSON.createObjectNode();
            e.getValue().forEach(w -> assets.set(w.cell().path(), DemoAssetMetadata.asset(w.cell())));
            JSON.writeValue(folder.resolve("assets.json").toFile(), assets);
        }
    }

    private static void writeManifest(Path root, List<WrittenCell> written) throws IOException {
        StringBuilder out = new StringBuilder(MANIFEST_HEADER).append('\n');
        for (WrittenCell w : written) {
            DemoCell c = w.cell();
            out.append(String.join("\t", c.lab().dandisetId(), c.path(), c.cell().id(),
                    c.cell().type().name().toLowerCase(Locale.ROOT), c.lab().format().wire(),
                    fmt(c.conditions().temperatureC()), fmt(c.conditions().samplingRateHz()),
                    Long.toString(c.conditions().seed()), c.subjectId(), Integer.toString(c.ageDays()),
                    c.female() ? "female" : "male", Long.toString(w.bytes()), w.sha256())).append('\n');
        }
        Files.writeString(root.resolve(MANIFEST), out, StandardCharsets.UTF_8);
    }

    private static ObjectNode stamp(int n, long seed) {
        return JSON.createObjectNode().put("generator", GENERATOR).put("cells", n).put("seed", seed)
                .put("simulated", true);
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
