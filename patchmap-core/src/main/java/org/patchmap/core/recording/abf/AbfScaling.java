package org.patchmap.core.recording.abf;

import java.util.Locale;

/**
 * Raw ADC counts to channel units, and channel units to the pipeline's mV and pA.
 * <p>
 * value = raw × fADCRange / lADCResolution / (fInstrumentScaleFactor × fSignalGain ×
 * fADCProgrammableGain × fTelegraphAdditGain [when the telegraph is enabled]) + fInstrumentOffset −
 * fSignalOffset, as the Axon File Support Pack's ADC-to-user-units factors (pyABF applies the same
 * gains). Float32 data is already in channel units (scale 1, offset 0).
 */
final class AbfScaling {
    private AbfScaling() {
    }

    static AbfHeader.Adc adc(int number, String name, String units, boolean floatData, float adcRange, long adcResolution,
                             float instrumentScale, float instrumentOffset, float signalGain, float signalOffset,
                             float programmableGain, float telegraphGain, int telegraphMode) throws CorruptAbfException {
        if (floatData) {
            return new AbfHeader.Adc(number, name, units, 1, 0, telegraphMode);
        }
        double gain = (double) instrumentScale * signalGain * programmableGain * telegraphGain;
        double scale = adcRange / (double) adcResolution / gain;
        double offset = (double) instrumentOffset - signalOffset;
        if (!(adcRange > 0) || adcResolution <= 0 || !Double.isFinite(scale) || scale == 0 || !Double.isFinite(offset)) {
            throw new CorruptAbfException(String.format(Locale.ROOT,
                    "channel '%s' has unusable scaling (ADC range %s, resolution %d, instrument scale %s, signal gain %s, "
                            + "programmable gain %s, telegraph gain %s): corrupt header", name, adcRange, adcResolution,
                    instrumentScale, signalGain, programmableGain, telegraphGain));
        }
        return new AbfHeader.Adc(number, name, units, scale, offset, telegraphMode);
    }

    /** Factor from {@code units} to mV, or NaN when they are not a voltage unit. */
    static double toMillivolts(String units) {
        switch (normalise(units)) {
            case "mv":
                return 1;
            case "v":
                return 1e3;
            case "uv":
                return 1e-3;
            default:
                return Double.NaN;
        }
    }

    /** Factor from {@code units} to pA, or NaN when they are not a current unit. */
    static double toPicoamperes(String units) {
        switch (normalise(units)) {
            case "pa":
                return 1;
            case "na":
                return 1e3;
            case "ua":
                return 1e6;
            case "ma":
                return 1e9;
            case "a":
                return 1e12;
            case "fa":
                return 1e-3;
            default:
                return Double.NaN;
        }
    }

    private static String normalise(String units) {
        return units == null ? "" : units.trim().replace('µ', 'u').replace('\u03bc', 'u').toLowerCase(Locale.ROOT);
    }
}
