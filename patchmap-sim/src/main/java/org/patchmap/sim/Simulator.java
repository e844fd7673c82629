package org.patchmap.sim;

import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.SubjectInfo;
import org.patchmap.core.sweep.Sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Records simulated cells: each sweep starts from the same settled cell (as if the cell rested
 * between sweeps) and is integrated at the conditions' step, sampled at their rate, then given the
 * rig's artefacts. Same cell, protocol and conditions give identical samples.
 */
public final class Simulator {
    /** Time the cell rests at holding before the first sweep, so every gate is at its steady state. */
    static final double SETTLE_MS = 1000;
    /** The format of a simulated recording (no file behind it). */
    public static final String FORMAT = "simulated";

    private Simulator() {
    }

    /** The recording of {@code cell}'s long-square family; every label says it is simulated. */
    public static Recording record(SimulatedCell cell, LongSquareProtocol protocol, RecordingConditions conditions) {
        return record(cell, protocol, conditions, Compartment.Rates.TABULATED);
    }

    static Recording record(SimulatedCell cell, LongSquareProtocol protocol, RecordingConditions conditions,
                            Compartment.Rates rates) {
        Compartment settled = new Compartment(cell.membrane(), conditions.temperatureC(), conditions.stepMs(), rates);
        int settleSteps = (int) Math.round(SETTLE_MS / conditions.stepMs());
        for (int k = 0; k < settleSteps; k++) {
            settled.step(conditions.rig().holdingPa());
        }
        SplittableRandom noise = new SplittableRandom(conditions.seed());
        List<Sweep> sweeps = new ArrayList<>();
        List<Double> amplitudes = protocol.amplitudes();
        for (int s = 0; s < amplitudes.size(); s++) {
            double[] command = protocol.command(amplitudes.get(s), conditions.rig().holdingPa(),
                    conditions.samplingRateHz());
            double[] v = voltage(settled.copy(), command, conditions.stepsPerSample());
            addRig(v, conditions.rig(), noise.split());
            sweeps.add(new Sweep(s, "simulated sweep " + s, conditions.samplingRateHz(), v, command));
        }
        String description = String.format(Locale.ROOT,
                "simulated recording (not a real cell): %s model neuron %s at %.0f °C, seed %d",
                cell.type().name().toLowerCase(Locale.ROOT), cell.id(), conditions.temperatureC(), conditions.seed());
        SubjectInfo subject = new SubjectInfo(null, null, null, null, "simulated", cell.id(),
                String.format(Locale.ROOT, "%.1f C", conditions.temperatureC()), null, description);
        return new Recording(cell.id() + ".simulated", FORMAT, sweeps, List.of(), subject);
    }

    /** Voltage at each sample of {@code command}; sample k is the state at its start. */
    static double[] voltage(Compartment cell, double[] command, int stepsPerSample) {
        double[] v = new double[command.length];
        for (int k = 0; k < command.length; k++) {
            v[k] = cell.v;
            for (int j = 0; j < stepsPerSample; j++) {
                cell.step(command[k]);
            }
        }
        return v;
    }

    private static void addRig(double[] v, Rig rig, SplittableRandom random) {
        for (int k = 0; k < v.length; k++) {
            v[k] += rig.offsetMv();
            if (rig.noiseMv() > 0) {
                v[k] += rig.noiseMv() * random.nextGaussian();
            }
        }
    }
}
