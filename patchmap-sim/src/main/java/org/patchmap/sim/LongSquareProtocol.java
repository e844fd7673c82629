package org.patchmap.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A long-square family as labs run it: one sweep per amplitude from {@code firstPa} to
 * {@code lastPa} in {@code stepPa} steps, each a holding stretch, the step, and a return to holding;
 * optionally a fixed pre-pulse right before the step.
 *
 * @param firstPa   first step amplitude, pA
 * @param stepPa    increment, pA (> 0)
 * @param lastPa    last amplitude, pA (inclusive)
 * @param beforeS   holding before the step, s (the pre-pulse lies inside it)
 * @param durationS the step, s
 * @param afterS    holding after the step, s
 * @param prePulse  {@link PrePulse#NONE}, or a fixed step ending at the long square's start
 */
public record LongSquareProtocol(double firstPa, double stepPa, double lastPa, double beforeS, double durationS,
                                 double afterS, PrePulse prePulse) implements Protocol {
    public static final String NAME = "Long Square";

    public LongSquareProtocol {
        if (!(stepPa > 0) || lastPa < firstPa || !(durationS > 0) || beforeS < 0 || afterS < 0) {
            throw new IllegalArgumentException("long square " + firstPa + ".." + lastPa + " by " + stepPa + " pA, "
                    + durationS + " s");
        }
        if (prePulse == null) {
            prePulse = PrePulse.NONE;
        }
        if (prePulse.durationS() > beforeS) {
            throw new IllegalArgumentException("pre-pulse of " + prePulse.durationS() + " s does not fit in the "
                    + beforeS + " s before the step");
        }
    }

    public LongSquareProtocol(double firstPa, double stepPa, double lastPa, double beforeS, double durationS,
                              double afterS) {
        this(firstPa, stepPa, lastPa, beforeS, durationS, afterS, PrePulse.NONE);
    }

    /** −110 pA upwards in 20 pA steps of 1 s (the Allen Institute's kind of family). */
    public static LongSquareProtocol twentyPaSteps(double lastPa) {
        return new LongSquareProtocol(-110, 20, lastPa, 0.2, 1.0, 0.3);
    }

    /** −200 to +400 pA in 50 pA steps of 0.5 s. */
    public static LongSquareProtocol fiftyPaSteps() {
        return new LongSquareProtocol(-200, 50, 400, 0.2, 0.5, 0.3);
    }

    /** The same family with {@code pulse} right before each step. */
    public LongSquareProtocol withPrePulse(PrePulse pulse) {
        return new LongSquareProtocol(firstPa, stepPa, lastPa, beforeS, durationS, afterS, pulse);
    }

    /** The same family with {@code s} of holding before the step. */
    public LongSquareProtocol withBeforeS(double s) {
        return new LongSquareProtocol(firstPa, stepPa, lastPa, s, durationS, afterS, prePulse);
    }

    /** The step amplitudes in sweep order, pA. */
    public List<Double> amplitudes() {
        List<Double> out = new ArrayList<>();
        for (int k = 0; firstPa + k * stepPa <= lastPa + 1e-9; k++) {
            out.add(firstPa + k * stepPa);
        }
        return out;
    }

    public double sweepS() {
        return beforeS + durationS + afterS;
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
        int n = Protocol.samples(sweepS(), rateHz);
        int from = Protocol.samples(beforeS, rateHz);
        int to = Protocol.samples(beforeS + durationS, rateHz);
        int pre = Protocol.samples(beforeS - prePulse.durationS(), rateHz);
        double[] i = new double[n];
        for (int k = 0; k < n; k++) {
            i[k] = k >= from && k < to ? amplitudePa : k >= pre && k < from ? prePulse.amplitudePa() : 0;
        }
        return i;
    }
}
