package org.patchmap.sim.file;

import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.util.List;

/**
 * A recording's command as an ABF epoch table: holding, then epoch A at holding until the step,
 * epoch B the step (level {@code firstLevel + sweep × increment}), then holding again. Built from
 * the sweeps' current arrays and accepted only when Clampex's waveform rule (the first 1/64 of
 * the sweep is pre-sweep holding, then the epochs in order) gives every sample back exactly.
 *
 * @param holdingPa  the DAC holding level, pA
 * @param from       first sample of the step
 * @param to         first sample after the step
 * @param firstLevel epoch B's level in sweep 0 (holding included), pA
 * @param increment  epoch B's level increment per sweep, pA
 */
record SquareCommand(float holdingPa, int from, int to, float firstLevel, float increment) {

    /** Samples of epoch A: from the end of the pre-sweep holding to the step. */
    int holdingSamples(int samplesPerSweep) {
        return from - samplesPerSweep / 64;
    }

    static SquareCommand of(Recording r) {
        List<Sweep> sweeps = r.sweeps();
        int n = sweeps.get(0).currentPa().length;
        double holding = sweeps.get(0).currentPa()[0];
        int from = -1;
        int to = -1;
        double[] level = new double[sweeps.size()];
        for (int s = 0; s < sweeps.size(); s++) {
            double[] i = sweeps.get(s).currentPa();
            level[s] = holding;
            for (int k = 0; k < n; k++) {
                if (i[k] != holding) {
                    if (from < 0) {
                        from = k;
                    }
                    int end = k;
                    while (end < n && i[end] == i[k]) {
                        end++;
                    }
                    if (to < 0) {
                        to = end;
                    }
                    level[s] = i[k];
                    break;
                }
            }
        }
        if (from < 0) {
            throw notSquare(r, "no sweep has a step");
        }
        double increment = sweeps.size() > 1 ? level[1] - level[0] : 0;
        SquareCommand c = new SquareCommand((float) holding, from, to, (float) level[0], (float) increment);
        if (from < n / 64) {
            throw notSquare(r, "the step starts at sample " + from + ", inside the pre-sweep holding (" + n / 64 + " samples)");
        }
        for (int s = 0; s < sweeps.size(); s++) {
            double[] expected = c.waveform(s, n);
            double[] i = sweeps.get(s).currentPa();
            for (int k = 0; k < n; k++) {
                if (expected[k] != i[k]) {
                    throw notSquare(r, "sweep " + s + " sample " + k + " is " + i[k] + " pA where the epoch table gives "
                            + expected[k] + " pA");
                }
            }
        }
        return c;
    }

    /** Sweep {@code s} of {@code n} samples as an ABF reader builds it from the table, pA. */
    double[] waveform(int s, int n) {
        double[] out = new double[n];
        double step = firstLevel + s * (double) increment;
        for (int k = 0; k < n; k++) {
            out[k] = k >= from && k < to ? step : holdingPa;
        }
        return out;
    }

    private static IllegalArgumentException notSquare(Recording r, String why) {
        return new IllegalArgumentException(r.fileName() + ": the command is not one square step per sweep with "
                + "a fixed window and evenly spaced amplitudes, as an ABF epoch table states it: " + why);
    }
}
