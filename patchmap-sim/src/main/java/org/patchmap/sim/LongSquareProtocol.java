package org.patchmap.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A long-square family as labs run it: one sweep per amplitude from {@code firstPa} to
 * {@code lastPa} in {@code stepPa} steps, each a holding stretch, the step, and a return to holding.
 *
 * @param firstPa  first step amplitude, pA
 * @param stepPa   increment, pA (> 0)
 * @param lastPa   last amplitude, pA (inclusive)
 * @param beforeS  holding before the step, s
 * @param durationS the step, s
 * @param afterS   holding after the step, s
 */
public record LongSquareProtocol(double firstPa, double stepPa, double lastPa, double beforeS, double durationS,
                                 double afterS) {
    public LongSquareProtocol {
        if (!(stepPa > 0) || lastPa < firstPa || !(durationS > 0) || beforeS < 0 || afterS < 0) {
            throw new IllegalArgumentException("long square " + firstPa + ".." + lastPa + " by " + stepPa + " pA, "
                    + durationS + " s");
        }
    }

    /** −110 pA upwards in 20 pA steps of 1 s (the Allen Institute's kind of family). */
    public static LongSquareProtocol twentyPaSteps(double lastPa) {
        return new LongSquareProtocol(-110, 20, lastPa, 0.2, 1.0, 0.3);
    }

    /** −200 to +400 pA in 50 pA steps of 0.5 s. */
    public static LongSquareProtocol fiftyPaSteps() {
        return new LongSquareProtocol(-200, 50, 400, 0.2, 0.5, 0.3);
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

    /** The command of one sweep at {@code rateHz}, pA: {@code holdingPa}, plus the step inside it. */
    double[] command(double amplitudePa, double holdingPa, double rateHz) {
        int n = (int) Math.round(sweepS() * rateHz);
        int from = (int) Math.round(beforeS * rateHz);
        int to = (int) Math.round((beforeS + durationS) * rateHz);
        double[] i = new double[n];
        for (int k = 0; k < n; k++) {
            i[k] = holdingPa + (k >= from && k < to ? amplitudePa : 0);
        }
        return i;
    }
}
