package org.patchmap.sim.bench;

import org.patchmap.sim.CellType;
import org.patchmap.sim.Lab;
import org.patchmap.sim.LongSquareProtocol;
import org.patchmap.sim.RecordingConditions;
import org.patchmap.sim.Rig;
import org.patchmap.sim.SimulatedCell;
import org.patchmap.sim.Simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints how long simulating one cell's long-square family takes, per type, single-threaded: the
 * −200..+400 pA family in 50 pA steps of 0.5 s (13 sweeps of 1 s) and the −110..+250 pA family in
 * 20 pA steps of 1 s (19 sweeps of 1.5 s), at 34 °C, 20 kHz, the default step. Only the public API
 * is used, so the same file measures any version of the simulator. Not a test: numbers are
 * recorded in docs/benchmarks.md.
 *
 * <p>Arguments: cells per type (default 5), warm-up cells per type (default 2), and {@code --labs} to
 * time a whole session of each {@link Lab} preset too (that part needs the session API).
 */
public final class SimulatorBench {
    private SimulatorBench() {
    }

    public static void main(String[] args) {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        RecordingConditions conditions = new RecordingConditions(RecordingConditions.PHYSIOLOGICAL_C, 20_000,
                RecordingConditions.DEFAULT_STEP_MS, new Rig(0.1, 0, -2), 1);
        List<LongSquareProtocol> protocols = List.of(LongSquareProtocol.fiftyPaSteps(),
                LongSquareProtocol.twentyPaSteps(250));
        List<String> names = List.of("50 pA x 0.5 s (13 x 1.0 s)", "20 pA x 1 s (19 x 1.5 s)");
        for (CellType type : CellType.values()) {
            for (SimulatedCell cell : SimulatedCell.draw(type, warmUp, 99)) {
                Simulator.record(cell, protocols.get(0), conditions);
            }
        }
        System.out.printf(Locale.ROOT, "%-24s %-28s %10s %10s %10s%n", "type", "family", "median ms", "min ms",
                "max ms");
        for (int p = 0; p < protocols.size(); p++) {
            double[] all = new double[cells * CellType.values().length];
            int at = 0;
            for (CellType type : CellType.values()) {
                double[] ms = new double[cells];
                List<SimulatedCell> drawn = SimulatedCell.draw(type, cells, 2008);
                for (int c = 0; c < cells; c++) {
                    long t0 = System.nanoTime();
                    Simulator.record(drawn.get(c), protocols.get(p), conditions);
                    ms[c] = (System.nanoTime() - t0) / 1e6;
                    all[at++] = ms[c];
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "%-24s %-28s %10.1f %10.1f %10.1f%n", type, names.get(p),
                        ms[cells / 2], ms[0], ms[cells - 1]);
            }
            Arrays.sort(all);
            System.out.printf(Locale.ROOT, "%-24s %-28s %10.1f %10.1f %10.1f%n", "all types", names.get(p),
                    all[all.length / 2], all[0], all[all.length - 1]);
        }
        if (args.length > 2 && args[2].equals("--labs")) {
            labs(cells);
        }
    }

    /** A whole session of each {@link Lab} preset (every protocol, every artefact), per cell over all types. */
    private static void labs(int cells) {
        for (Lab lab : Lab.PRESETS) {
            double[] ms = new double[cells * CellType.values().length];
            int at = 0;
            for (CellType type : CellType.values()) {
                List<SimulatedCell> drawn = SimulatedCell.draw(type, cells, 2008);
                for (int c = 0; c < cells; c++) {
                    long t0 = System.nanoTime();
                    Simulator.record(drawn.get(c), lab.session(c));
                    ms[at++] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-24s %-28s %10.1f %10.1f %10.1f%n", "lab " + lab.name(), "whole session",
                    ms[ms.length / 2], ms[0], ms[ms.length - 1]);
        }
    }
}
