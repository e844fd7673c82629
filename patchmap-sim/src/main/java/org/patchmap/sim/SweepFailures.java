package org.patchmap.sim;

/**
 * How often a sweep goes wrong, each drawn per sweep from the recording's seed.
 * <ul>
 * <li><b>Truncated</b>: acquisition stops early; the sweep ends at a uniform point between
 * {@value #TRUNCATED_FROM} and {@value #TRUNCATED_TO} of its length (voltage and command alike).</li>
 * <li><b>Failed</b>: the seal degrades at a uniform time in the sweep; from then on the recorded
 * voltage relaxes with τ {@value #FAILED_TAU_S} s towards a level near {@value #FAILED_LEVEL_MV} mV
 * (σ {@value #FAILED_LEVEL_SD_MV} mV) and stays there, the cell's own signal fading as it goes.</li>
 * </ul>
 *
 * @param truncatedFraction probability that a sweep is truncated
 * @param failedFraction    probability that a sweep's seal fails (not both in one sweep)
 */
public record SweepFailures(double truncatedFraction, double failedFraction) {
    public static final SweepFailures NONE = new SweepFailures(0, 0);
    static final double TRUNCATED_FROM = 0.3;
    static final double TRUNCATED_TO = 0.9;
    static final double FAILED_LEVEL_MV = -20;
    static final double FAILED_LEVEL_SD_MV = 3;
    static final double FAILED_TAU_S = 0.1;

    public SweepFailures {
        if (!(truncatedFraction >= 0) || !(failedFraction >= 0) || truncatedFraction + failedFraction > 1) {
            throw new IllegalArgumentException("truncated " + truncatedFraction + ", failed " + failedFraction);
        }
    }
}
