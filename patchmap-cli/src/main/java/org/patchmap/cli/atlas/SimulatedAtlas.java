package org.patchmap.cli.atlas;

import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.sim.CellType;
import org.patchmap.sim.SimulatedCell;
import org.patchmap.sim.Simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A corpus of simulated cells whose types are known: {@code n} cells spread evenly over the {@link CellType}s
 * (the first {@code n mod 6} types get one more), each recorded at its own {@link LabConditions} and analysed
 * by PatchMap's own long-square detection and features ({@link CellAnalysis}). Cells are simulated in
 * parallel; every cell's draw, conditions and features depend only on the seed and its index, so the corpus
 * is the same whatever the number of threads.
 */
public final class SimulatedAtlas {
    private SimulatedAtlas() {
    }

    /** The cells to simulate, in corpus order (type by type), each with its recording conditions. */
    public static List<AtlasCell> draw(int n, long seed) {
        CellType[] types = CellType.values();
        SplittableRandom root = new SplittableRandom(seed);
        List<AtlasCell> cells = new ArrayList<>(n);
        for (int t = 0; t < types.length; t++) {
            int count = n / types.length + (t < n % types.length ? 1 : 0);
            long typeSeed = root.nextLong();
            SplittableRandom labs = root.split();
            for (SimulatedCell c : SimulatedCell.draw(types[t], count, typeSeed)) {
                cells.add(new AtlasCell(c, LabConditions.draw(labs.split()), null, null));
            }
        }
        return cells;
    }

    /**
     * Records and analyses every cell on {@code threads} threads; {@code progress} hears each finished
     * cell's count (from any thread).
     */
    public static List<AtlasCell> simulate(List<AtlasCell> drawn, int threads, IntConsumer progress)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "atlas-cell");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<AtlasCell>> futures = new ArrayList<>(drawn.size());
            for (AtlasCell c : drawn) {
                futures.add(pool.submit(() -> {
                    AtlasCell out = analyse(c);
                    progress.accept(done.incrementAndGet());
                    return out;
                }));
            }
            List<AtlasCell> out = new ArrayList<>(drawn.size());
            for (Future<AtlasCell> f : futures) {
                out.add(f.get());
            }
            return Collections.unmodifiableList(out);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulating a cell failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One cell recorded and analysed; only the feature values are kept (a recording is tens of MB). */
    static AtlasCell analyse(AtlasCell c) {
        Recording recording = Simulator.record(c.cell(), c.lab().protocol(), c.lab().conditions());
        try {
            SweepFamily family = CellAnalysis.family(recording);
            CellFeatures features = CellAnalysis.features(family);
            return new AtlasCell(c.cell(), c.lab(), new LinkedHashMap<>(features.values()), null);
        } catch (NoLongSquareException e) {
            return new AtlasCell(c.cell(), c.lab(), null, "no long-square family: " + e.getMessage());
        } catch (RuntimeException e) {
            return new AtlasCell(c.cell(), c.lab(), null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
