package org.patchmap.sim;

import java.util.Set;

/**
 * How a simulated cell is recorded.
 *
 * @param temperatureC    bath temperature; gate kinetics scale by Q10 from 36 °C
 * @param samplingRateHz  one of {@link #SAMPLING_RATES_HZ}
 * @param stepMs          integration step; must divide the sample interval
 * @param rig             the rig's additions
 * @param seed            seeds the rig's noise
 */
public record RecordingConditions(double temperatureC, double samplingRateHz, double stepMs, Rig rig, long seed) {
    public static final Set<Double> SAMPLING_RATES_HZ = Set.of(10_000.0, 20_000.0, 25_000.0, 50_000.0);
    public static final double ROOM_C = 22.0;
    public static final double PHYSIOLOGICAL_C = 34.0;
    /** Spike shapes converge at this step (the convergence test states by how much). */
    public static final double DEFAULT_STEP_MS = 0.01;

    public RecordingConditions {
        if (!SAMPLING_RATES_HZ.contains(samplingRateHz)) {
            throw new IllegalArgumentException("sampling rate " + samplingRateHz + " Hz, expected one of 10, 20, 25, 50 kHz");
        }
        double perSample = 1000.0 / samplingRateHz / stepMs;
        if (!(stepMs > 0) || Math.abs(perSample - Math.rint(perSample)) > 1e-9) {
            throw new IllegalArgumentException("step " + stepMs + " ms does not divide the sample interval "
                    + 1000.0 / samplingRateHz + " ms");
        }
    }

    /** At {@code temperatureC}, 20 kHz, the default step, no rig artefacts. */
    public static RecordingConditions ideal(double temperatureC) {
        return new RecordingConditions(temperatureC, 20_000, DEFAULT_STEP_MS, Rig.NONE, 0);
    }

    int stepsPerSample() {
        return (int) Math.rint(1000.0 / samplingRateHz / stepMs);
    }
}
