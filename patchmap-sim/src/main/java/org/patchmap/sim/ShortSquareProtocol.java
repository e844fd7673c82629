package org.patchmap.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Short squares: one brief pulse per sweep, amplitudes from {@code firstPa} to {@code lastPa} in
 * {@code stepPa} steps, to find the current that just fires one spike.
 *
 * @param firstPa    first amplitude, pA
 * @param stepPa     increment, pA (> 0)
 * @param lastPa     last amplitude, pA (inclusive)
 * @param beforeS    holding before the pulse, s
 * @param durationMs the pulse, ms
 * @param afterS     holding after the pulse, s
 */
public record ShortSquareProtocol(double firstPa, double stepPa, double lastPa, double beforeS, double durationMs,
                                  double afterS) implements Protocol {
    public static final String NAME = "Short Square";

    public ShortSquareProtocol {
        if (!(stepPa > 0) || lastPa < firstPa || !(durationMs > 0) || beforeS < 0 || afterS < 0) {
            throw new IllegalArgumentException("short square " + firstPa + ".." + lastPa + " by " + stepPa + " pA, "
                    + durationMs + " ms");
        }
    }

    /**
     * 3 ms pulses of 400 to 1400 pA by 200 pA (enough to fire these model cells), starting 0.2 s into
     * a 1 s sweep: the timing and length of {@link LongSquareProtocol#fiftyPaSteps()}'s sweeps.
     */
    public static ShortSquareProtocol threeMs() {
        return new ShortSquareProtocol(400, 200, 1400, 0.2, 3, 0.797);
    }

    public List<Double> amplitudes() {
        List<Double> out = new ArrayList<>();
        for (int k = 0; firstPa + k * stepPa <= lastPa + 1e-9; k++) {
            out.add(firstPa + k * stepPa);
        }
        return out;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int sweepCount() {
        return amplitudes().size();
    }

    @Override
    public double[] command(int sweep, double rateHz) {
        double amplitudePa = amplitudes().get(sweep);
        int n = Protocol.samples(beforeS + durationMs / 1000 + afterS, rateHz);
        int from = Protocol.samples(beforeS, rateHz);
        int to = Protocol.samples(beforeS + durationMs / 1000, rateHz);
        double[] i = new double[n];
        for (int k = from; k < to; k++) {
            i[k] = amplitudePa;
        }
        return i;
    }
}
