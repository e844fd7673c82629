package org.patchmap.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One simulated cell: its type and its own membrane, drawn around the type's base.
 *
 * @param id       identifier, unique in a corpus
 * @param type     the type it was drawn from (the truth a map is judged against)
 * @param membrane its passive properties and channel densities
 */
public record SimulatedCell(String id, CellType type, Membrane membrane) {
    /** Relative spread (log-normal σ) of every conductance density. */
    public static final double CONDUCTANCE_SPREAD = 0.15;
    /** Relative spread (log-normal σ) of the diameter. */
    public static final double SIZE_SPREAD = 0.10;
    /** Spread (normal σ) of E_leak and V_T, mV. */
    public static final double POTENTIAL_SPREAD_MV = 1.5;

    /** A cell of {@code type} whose parameters vary around the type's base, drawn from {@code random}. */
    public static SimulatedCell draw(String id, CellType type, SplittableRandom random) {
        Membrane b = type.base();
        Membrane m = new Membrane(
                b.diameterUm() * logNormal(random, SIZE_SPREAD),
                b.capacitanceUfCm2(),
                b.gLeak() * logNormal(random, CONDUCTANCE_SPREAD),
                b.eLeak() + POTENTIAL_SPREAD_MV * random.nextGaussian(),
                b.gNa() * logNormal(random, CONDUCTANCE_SPREAD),
                b.gKd() * logNormal(random, CONDUCTANCE_SPREAD),
                b.vT() + POTENTIAL_SPREAD_MV * random.nextGaussian(),
                b.gKv3() * logNormal(random, CONDUCTANCE_SPREAD),
                b.gA() * logNormal(random, CONDUCTANCE_SPREAD),
                b.gM() * logNormal(random, CONDUCTANCE_SPREAD),
                b.tauMaxMMs() * logNormal(random, CONDUCTANCE_SPREAD),
                b.gH() * logNormal(random, CONDUCTANCE_SPREAD),
                b.gT() * logNormal(random, CONDUCTANCE_SPREAD),
                b.vX(),
                b.gL() * logNormal(random, CONDUCTANCE_SPREAD));
        return new SimulatedCell(id, type, m);
    }

    /** {@code count} cells of {@code type} from one seed: cell k's draw depends only on the seed and k. */
    public static List<SimulatedCell> draw(CellType type, int count, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        List<SimulatedCell> cells = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            cells.add(draw(type.name().toLowerCase(Locale.ROOT) + "-" + seed + "-" + k, type, root.split()));
        }
        return cells;
    }

    private static double logNormal(SplittableRandom random, double sigma) {
        return Math.exp(sigma * random.nextGaussian());
    }
}
