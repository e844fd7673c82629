package org.patchmap.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Turns a sweep's model voltage into what the rig records ({@link Rig}): a failed seal, the offset
 * and white noise, the unbalanced series-resistance drop, drift, 1/f noise, the digitiser's steps,
 * and truncation, in that order. Draws come from the sweep's own random: the white noise first (so
 * a rig with white noise only records what it always has), then a split for everything else, drawn
 * whether used or not so that one part's setting does not move another's draws.
 */
final class RigArtefacts {
    private RigArtefacts() {
    }

    /** A recorded sweep: voltage and command, of equal length. */
    record Recorded(double[] voltageMv, double[] commandPa) {
    }

    static Recorded apply(double[] model, double[] command, double rateHz, double sweepStartS, Rig rig,
                          SplittableRandom random) {
        int n = model.length;
        double[] white = new double[n];
        if (rig.noiseMv() > 0) {
            for (int k = 0; k < n; k++) {
                white[k] = rig.noiseMv() * random.nextGaussian();
            }
        }
        SplittableRandom more = random.split();
        double which = more.nextDouble();
        double truncateAt = more.nextDouble();
        double failAt = more.nextDouble();
        double failLevel = SweepFailures.FAILED_LEVEL_MV + SweepFailures.FAILED_LEVEL_SD_MV * more.nextGaussian();
        SplittableRandom pinkRandom = more.split();

        SweepFailures f = rig.failures();
        boolean truncated = which < f.truncatedFraction();
        boolean failed = !truncated && which < f.truncatedFraction() + f.failedFraction();

        double[] v = new double[n];
        int failFrom = failed ? (int) Math.floor(failAt * n) : n;
        double perSample = 1 / (SweepFailures.FAILED_TAU_S * rateHz);
        for (int k = 0; k < n; k++) {
            double x = model[k];
            if (k >= failFrom) {
                double w = -Math.expm1(-(k - failFrom) * perSample);
                x += w * (failLevel - x);
            }
            x += rig.offsetMv();
            if (rig.noiseMv() > 0) {
                x += white[k];
            }
            v[k] = x;
        }

        double residual = rig.electrode().residualMohm();
        if (residual > 0) {
            double tauS = rig.electrode().timeConstantMs() / 1000;
            double follow = tauS > 0 ? -Math.expm1(-1 / (tauS * rateHz)) : 1;
            double through = command[0];
            for (int k = 0; k < n; k++) {
                through += (command[k] - through) * follow;
                v[k] += residual * through * 1e-3; // MΩ · pA = µV
            }
        }
        if (rig.driftMvPerMin() != 0) {
            double perS = rig.driftMvPerMin() / 60;
            for (int k = 0; k < n; k++) {
                v[k] += perS * (sweepStartS + k / rateHz);
            }
        }
        if (rig.pinkNoiseMv() > 0) {
            double[] pink = PinkNoise.samples(n, rateHz, NoiseProtocol.LOWEST_HZ, rig.pinkNoiseMv(), pinkRandom);
            for (int k = 0; k < n; k++) {
                v[k] += pink[k];
            }
        }
        if (rig.quantumMv() > 0) {
            double q = rig.quantumMv();
            for (int k = 0; k < n; k++) {
                double counts = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.rint(v[k] / q)));
                v[k] = counts * q;
            }
        }
        if (truncated) {
            int keep = (int) Math.round(n * (SweepFailures.TRUNCATED_FROM
                    + truncateAt * (SweepFailures.TRUNCATED_TO - SweepFailures.TRUNCATED_FROM)));
            return new Recorded(Arrays.copyOf(v, keep), Arrays.copyOf(command, keep));
        }
        return new Recorded(v, command);
    }
}
