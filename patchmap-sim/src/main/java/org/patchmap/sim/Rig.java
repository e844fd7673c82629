package org.patchmap.sim;

/**
 * What the recording rig adds to the cell's own voltage, and to the command. {@link #NONE} records
 * the model exactly; each part is off at its default, so {@code new Rig(noise, holding, offset)}
 * and the {@code with…} methods add only what a caller names.
 *
 * @param noiseMv       standard deviation of white noise on the recorded voltage, mV
 * @param holdingPa     a constant current injected throughout (it appears in the recorded command too), pA
 * @param offsetMv      a constant offset of the recorded voltage (e.g. an uncorrected junction potential), mV
 * @param pinkNoiseMv   standard deviation of 1/f noise (1 Hz to half the sampling rate) on the recorded voltage, mV
 * @param driftMvPerMin baseline drift of the recorded voltage over the session, mV per minute (signed)
 * @param electrode     series resistance, bridge balance and the electrode's time constant
 * @param quantumMv     the digitiser's step (recorded values are multiples of it, clipped to int16), mV; 0: none
 * @param testPulse     a pulse the acquisition software adds to every sweep's command; {@link TestPulse#NONE}
 * @param failures      how often a sweep is truncated or its seal fails
 */
public record Rig(double noiseMv, double holdingPa, double offsetMv, double pinkNoiseMv, double driftMvPerMin,
                  Electrode electrode, double quantumMv, TestPulse testPulse, SweepFailures failures) {
    public static final Rig NONE = new Rig(0, 0, 0);

    public Rig {
        if (!(noiseMv >= 0) || !(pinkNoiseMv >= 0)) {
            throw new IllegalArgumentException("noise " + noiseMv + " mV white, " + pinkNoiseMv + " mV 1/f");
        }
        if (!(quantumMv >= 0)) {
            throw new IllegalArgumentException("digitiser step " + quantumMv + " mV");
        }
        if (!Double.isFinite(driftMvPerMin) || !Double.isFinite(holdingPa) || !Double.isFinite(offsetMv)) {
            throw new IllegalArgumentException("drift " + driftMvPerMin + " mV/min, holding " + holdingPa
                    + " pA, offset " + offsetMv + " mV");
        }
        electrode = electrode == null ? Electrode.NONE : electrode;
        testPulse = testPulse == null ? TestPulse.NONE : testPulse;
        failures = failures == null ? SweepFailures.NONE : failures;
    }

    /** White noise, a holding current and an offset; nothing else. */
    public Rig(double noiseMv, double holdingPa, double offsetMv) {
        this(noiseMv, holdingPa, offsetMv, 0, 0, Electrode.NONE, 0, TestPulse.NONE, SweepFailures.NONE);
    }

    /**
     * The step of a ±10 V, 16-bit digitiser (Digidata-like) behind an amplifier whose membrane-potential
     * output is 10 mV/mV times {@code outputGain}: 20 V / 65536 / (0.01 · gain), mV.
     */
    public static double int16QuantumMv(double outputGain) {
        return 20_000.0 / 65_536 / (10 * outputGain);
    }

    public Rig withPinkNoise(double mv) {
        return new Rig(noiseMv, holdingPa, offsetMv, mv, driftMvPerMin, electrode, quantumMv, testPulse, failures);
    }

    public Rig withDrift(double mvPerMin) {
        return new Rig(noiseMv, holdingPa, offsetMv, pinkNoiseMv, mvPerMin, electrode, quantumMv, testPulse, failures);
    }

    public Rig withElectrode(Electrode e) {
        return new Rig(noiseMv, holdingPa, offsetMv, pinkNoiseMv, driftMvPerMin, e, quantumMv, testPulse, failures);
    }

    public Rig withQuantum(double mv) {
        return new Rig(noiseMv, holdingPa, offsetMv, pinkNoiseMv, driftMvPerMin, electrode, mv, testPulse, failures);
    }

    public Rig withTestPulse(TestPulse pulse) {
        return new Rig(noiseMv, holdingPa, offsetMv, pinkNoiseMv, driftMvPerMin, electrode, quantumMv, pulse, failures);
    }

    public Rig withFailures(SweepFailures f) {
        return new Rig(noiseMv, holdingPa, offsetMv, pinkNoiseMv, driftMvPerMin, electrode, quantumMv, testPulse, f);
    }
}
