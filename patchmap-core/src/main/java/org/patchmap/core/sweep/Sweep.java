package org.patchmap.core.sweep;

/**
 * One current-clamp recording (spec section 1): response and stimulus sampled at one rate,
 * already in the pipeline's units.
 *
 * @param sweepNumber    the file's own sweep number
 * @param samplingRateHz samples per second
 * @param voltageMv      membrane potential, mV
 * @param currentPa      injected current, pA (same length as the voltage)
 */
public record Sweep(int sweepNumber, double samplingRateHz, double[] voltageMv, double[] currentPa) {
    public Sweep {
        if (!(samplingRateHz > 0) || !Double.isFinite(samplingRateHz)) {
            throw new IllegalArgumentException("sweep " + sweepNumber + ": sampling rate " + samplingRateHz + " Hz");
        }
        if (voltageMv.length != currentPa.length) {
            throw new IllegalArgumentException("sweep " + sweepNumber + ": " + voltageMv.length + " voltage samples but "
                    + currentPa.length + " current samples");
        }
    }

    /** Duration in seconds. */
    public double durationS() {
        return voltageMv.length / samplingRateHz;
    }
}
