package org.patchmap.sim;

/**
 * What the recording rig adds to the cell's own voltage. {@link #NONE} records the model exactly.
 *
 * @param noiseMv   standard deviation of white noise on the recorded voltage, mV
 * @param holdingPa a constant current injected throughout (it appears in the recorded command too), pA
 * @param offsetMv  a constant offset of the recorded voltage (e.g. an uncorrected junction potential), mV
 */
public record Rig(double noiseMv, double holdingPa, double offsetMv) {
    public static final Rig NONE = new Rig(0, 0, 0);

    public Rig {
        if (!(noiseMv >= 0)) {
            throw new IllegalArgumentException("noise " + noiseMv + " mV");
        }
    }
}
