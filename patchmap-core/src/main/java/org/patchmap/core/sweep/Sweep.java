package org.patchmap.core.sweep;

/**
 * One current-clamp recording (spec section 1): response and stimulus sampled at one rate,
 * already in the pipeline's units (converted by the reader, never later).
 *
 * @param sweepNumber    the file's own sweep number (NWB {@code sweep_number}, ABF 0-based sweep
 *                       index), or {@link #NO_NUMBER} when the file has none
 * @param name           the series name (NWB) or "sweep N" (ABF); identifies the sweep when it has no number
 * @param samplingRateHz samples per second
 * @param voltageMv      membrane potential, mV
 * @param currentPa      injected current, pA (same length as the voltage)
 */
public record Sweep(int sweepNumber, String name, double samplingRateHz, double[] voltageMv, double[] currentPa) {
    public static final int NO_NUMBER = -1;

    public Sweep {
        if (!(samplingRateHz > 0) || !Double.isFinite(samplingRateHz)) {
            throw new IllegalArgumentException("sweep '" + name + "': sampling rate " + samplingRateHz + " Hz");
        }
        if (voltageMv.length != currentPa.length) {
            throw new IllegalArgumentException("sweep '" + name + "': " + voltageMv.length + " voltage samples but "
                    + currentPa.length + " current samples");
        }
    }

    /** Duration in seconds. */
    public double durationS() {
        return voltageMv.length / samplingRateHz;
    }

    /** How reports name this sweep: its number when it has one, else its name. */
    public Object label() {
        return sweepNumber == NO_NUMBER ? name : sweepNumber;
    }
}
