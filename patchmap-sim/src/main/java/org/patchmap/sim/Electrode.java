package org.patchmap.sim;

/**
 * The recording electrode in current clamp. The current flows through the series resistance, so
 * the amplifier's voltage includes R_s·I; bridge balance subtracts {@code bridgeBalance}·R_s·I.
 * The rest, (1 − balance)·R_s·I, stays in the recorded voltage and follows the current with the
 * electrode's time constant: a step's onset and offset show as fast jumps of that size. The cell
 * itself receives the command as it is.
 *
 * @param seriesResistanceMohm R_s, MΩ
 * @param bridgeBalance        the fraction of R_s the bridge removes, 0..1 (1: perfectly balanced)
 * @param timeConstantMs       how fast the residual follows the current (electrode capacitance), ms
 */
public record Electrode(double seriesResistanceMohm, double bridgeBalance, double timeConstantMs) {
    public static final Electrode NONE = new Electrode(0, 1, 0);

    public Electrode {
        if (!(seriesResistanceMohm >= 0) || !(bridgeBalance >= 0 && bridgeBalance <= 1) || !(timeConstantMs >= 0)) {
            throw new IllegalArgumentException("electrode R_s " + seriesResistanceMohm + " MΩ, balance "
                    + bridgeBalance + ", τ " + timeConstantMs + " ms");
        }
    }

    /** The unbalanced part of R_s, MΩ. */
    public double residualMohm() {
        return seriesResistanceMohm * (1 - bridgeBalance);
    }
}
