package org.patchmap.core.recording.nwb;

import java.util.Locale;

/**
 * Unit spellings NWB writers use, and the factor to the pipeline's units (spec section 1:
 * convert at the reader): membrane potential to mV, current to pA. Word spellings are matched
 * without regard to case; the symbols are matched exactly ("mV" is not "MV").
 */
final class Units {
    static final String EXPECTED_VOLTAGE = "V, volts, mV";
    static final String EXPECTED_CURRENT = "A, amperes, pA, nA";

    private Units() {
    }

    /** Factor from {@code unit} to mV, or NaN when it is not a voltage unit. */
    static double toMillivolts(String unit) {
        if (unit == null) {
            return Double.NaN;
        }
        String u = unit.strip();
        switch (u) {
            case "V":
                return 1e3;
            case "mV":
                return 1;
            default:
                break;
        }
        switch (u.toLowerCase(Locale.ROOT)) {
            case "volt":
            case "volts":
                return 1e3;
            case "millivolt":
            case "millivolts":
                return 1;
            default:
                return Double.NaN;
        }
    }

    /** Factor from {@code unit} to pA, or NaN when it is not a current unit. */
    static double toPicoamperes(String unit) {
        if (unit == null) {
            return Double.NaN;
        }
        String u = unit.strip();
        switch (u) {
            case "A":
                return 1e12;
            case "nA":
                return 1e3;
            case "pA":
                return 1;
            default:
                break;
        }
        switch (u.toLowerCase(Locale.ROOT)) {
            case "amp":
            case "amps":
            case "ampere":
            case "amperes":
                return 1e12;
            case "nanoampere":
            case "nanoamperes":
                return 1e3;
            case "picoampere":
            case "picoamperes":
                return 1;
            default:
                return Double.NaN;
        }
    }
}
