package org.patchmap.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Noise sweeps: in each sweep, one epoch per level of 1/f (pink) noise about that level, separated
 * by holding. The noise is a fixed waveform of the protocol's own seed, as a lab plays the same
 * stimulus file to every cell; sweep k uses the seed's k-th split.
 *
 * @param levelsPa  the epochs' mean currents, pA
 * @param relativeSd the noise's standard deviation as a fraction of each level
 * @param epochS    each epoch, s
 * @param gapS      holding between epochs, s
 * @param beforeS   holding before the first epoch, s
 * @param afterS    holding after the last, s
 * @param sweeps    sweeps in the block
 * @param seed      seeds the noise waveform
 */
public record NoiseProtocol(List<Double> levelsPa, double relativeSd, double epochS, double gapS, double beforeS,
                            double afterS, int sweeps, long seed) implements Protocol {
    public static final String NAME = "Noise";
    /** The lowest frequency of the noise's 1/f band, Hz. */
    static final double LOWEST_HZ = 1;

    public NoiseProtocol {
        levelsPa = List.copyOf(levelsPa);
        if (levelsPa.isEmpty() || !(relativeSd >= 0) || !(epochS > 0) || gapS < 0 || beforeS < 0 || afterS < 0
                || sweeps < 1) {
            throw new IllegalArgumentException("noise at " + levelsPa + " pA, sd " + relativeSd + ", " + sweeps
                    + " sweeps");
        }
    }

    /** Epochs of 1 s at 50, 100 and 150 pA with 20 % noise, 0.5 s apart, in two sweeps. */
    public static NoiseProtocol pink() {
        return new NoiseProtocol(List.of(50.0, 100.0, 150.0), 0.2, 1.0, 0.5, 0.2, 0.3, 2, 1);
    }

    public double sweepS() {
        return beforeS + levelsPa.size() * epochS + (levelsPa.size() - 1) * gapS + afterS;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int sweepCount() {
        return sweeps;
    }

    @Override
    public double[] command(int sweep, double rateHz) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom random = root.split();
        for (int k = 0; k < sweep; k++) {
            random = root.split();
        }
        double[] i = new double[Protocol.samples(sweepS(), rateHz)];
        double at = beforeS;
        for (double level : levelsPa) {
            int from = Protocol.samples(at, rateHz);
            int to = Protocol.samples(at + epochS, rateHz);
            double[] noise = PinkNoise.samples(to - from, rateHz, LOWEST_HZ, relativeSd * Math.abs(level), random);
            for (int k = from; k < to; k++) {
                i[k] = level + noise[k - from];
            }
            at += epochS + gapS;
        }
        return i;
    }
}
