package org.patchmap.sim;

import java.util.List;

/**
 * What one lab does the same way for every cell: bath temperature, sampling rate, its rig (noise,
 * electrode, digitiser, test pulse, how often sweeps fail) and the protocols it runs. A demo corpus
 * draws cells and gives each a {@link #session(long)} of its lab. The presets are invented
 * composites of common practice, not any real lab's settings.
 *
 * @param name           a short identifier, e.g. "pipeline"
 * @param temperatureC   bath temperature
 * @param samplingRateHz one of {@link RecordingConditions#SAMPLING_RATES_HZ}
 * @param rig            what the rig adds
 * @param protocols      the blocks every cell is recorded with, in order
 */
public record Lab(String name, double temperatureC, double samplingRateHz, Rig rig, List<Protocol> protocols) {
    /**
     * A standardised pipeline: 34 °C, 50 kHz, a −50 pA 10 ms test pulse 0.1 s into every sweep, long
     * squares from −110 pA in 20 pA steps of 1 s (0.5 s of holding before each step), then 3 ms short
     * squares, a 25 pA/s ramp and two noise sweeps. A quiet, well-balanced rig (R_s 12 MΩ, 95 %
     * balanced) at a fine digitiser step (gain 10); 1 % truncated and 0.5 % failed sweeps.
     */
    public static final Lab PIPELINE = new Lab("pipeline", RecordingConditions.PHYSIOLOGICAL_C, 50_000,
            new Rig(0.05, 0, 0).withPinkNoise(0.05).withDrift(0.3).withElectrode(new Electrode(12, 0.95, 0.1))
                    .withQuantum(Rig.int16QuantumMv(10)).withTestPulse(TestPulse.minusFiftyPa(0.1))
                    .withFailures(new SweepFailures(0.01, 0.005)),
            List.of(LongSquareProtocol.twentyPaSteps(250).withBeforeS(0.5), ShortSquareProtocol.threeMs(),
                    RampProtocol.twentyFivePaPerS(), NoiseProtocol.pink()));

    /**
     * Slices at room temperature: 22 °C, 20 kHz, −200 to +400 pA in 50 pA steps of 0.5 s with a
     * −75 pA 100 ms pre-pulse right before each step (an amplitude the family does not have, so no
     * step merges with it), then short squares. Noisier, with drift, R_s 20 MΩ 80 % balanced, a coarse
     * digitiser step (gain 1), an uncorrected junction potential of −8 mV; 3 % truncated and 2 % failed.
     */
    public static final Lab ROOM_TEMPERATURE_SLICE = new Lab("room-temperature-slice", RecordingConditions.ROOM_C,
            20_000,
            new Rig(0.15, 0, -8).withPinkNoise(0.1).withDrift(-1).withElectrode(new Electrode(20, 0.8, 0.3))
                    .withQuantum(Rig.int16QuantumMv(1)).withFailures(new SweepFailures(0.03, 0.02)),
            List.of(LongSquareProtocol.fiftyPaSteps().withPrePulse(new PrePulse(-75, 0.1)),
                    ShortSquareProtocol.threeMs()));

    /**
     * A quick screen: 32 °C, 10 kHz, the 50 pA family only, held at −20 pA, a noisy and poorly
     * balanced rig (R_s 25 MΩ, 70 %), gain 1; 5 % truncated and 3 % failed sweeps.
     */
    public static final Lab QUICK_SCREEN = new Lab("quick-screen", 32, 10_000,
            new Rig(0.3, -20, 0).withPinkNoise(0.2).withDrift(0.5).withElectrode(new Electrode(25, 0.7, 0.5))
                    .withQuantum(Rig.int16QuantumMv(1)).withFailures(new SweepFailures(0.05, 0.03)),
            List.of(LongSquareProtocol.fiftyPaSteps()));

    public static final List<Lab> PRESETS = List.of(PIPELINE, ROOM_TEMPERATURE_SLICE, QUICK_SCREEN);

    public Lab {
        protocols = List.copyOf(protocols);
        new Session(protocols, conditions(name, temperatureC, samplingRateHz, rig, 0)); // checks the test pulse fits
    }

    private static RecordingConditions conditions(String name, double temperatureC, double rateHz, Rig rig, long seed) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a lab needs a name");
        }
        return new RecordingConditions(temperatureC, rateHz, RecordingConditions.DEFAULT_STEP_MS, rig, seed);
    }

    /** Whether the lab's rig adds a test pulse to every sweep. */
    public boolean testPulse() {
        return rig.testPulse().present();
    }

    /** The lab's conditions for one cell, the rig's draws seeded by {@code seed}. */
    public RecordingConditions conditions(long seed) {
        return conditions(name, temperatureC, samplingRateHz, rig, seed);
    }

    /** One cell's session in this lab. */
    public Session session(long seed) {
        return new Session(protocols, conditions(seed));
    }
}
