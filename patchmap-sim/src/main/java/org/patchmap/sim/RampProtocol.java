package org.patchmap.sim;

/**
 * A ramp: one sweep whose current rises from holding at {@code slopePaPerS} for {@code durationS},
 * then returns to holding.
 *
 * @param slopePaPerS rise, pA/s
 * @param beforeS     holding before the ramp, s
 * @param durationS   the ramp, s
 * @param afterS      holding after it, s
 */
public record RampProtocol(double slopePaPerS, double beforeS, double durationS, double afterS) implements Protocol {
    public static final String NAME = "Ramp";

    public RampProtocol {
        if (slopePaPerS == 0 || !Double.isFinite(slopePaPerS) || !(durationS > 0) || beforeS < 0 || afterS < 0) {
            throw new IllegalArgumentException("ramp " + slopePaPerS + " pA/s for " + durationS + " s");
        }
    }

    /** 25 pA/s for 10 s (to 250 pA), after 0.2 s at holding. */
    public static RampProtocol twentyFivePaPerS() {
        return new RampProtocol(25, 0.2, 10, 0.3);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int sweepCount() {
        return 1;
    }

    @Override
    public double[] command(int sweep, double rateHz) {
        int n = Protocol.samples(beforeS + durationS + afterS, rateHz);
        int from = Protocol.samples(beforeS, rateHz);
        int to = Protocol.samples(beforeS + durationS, rateHz);
        double[] i = new double[n];
        for (int k = from; k < to; k++) {
            i[k] = slopePaPerS * (k - from) / rateHz;
        }
        return i;
    }
}
