package org.patchmap.core.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cell feature schema: ipfx's names in ipfx's order, and their units (spec section 5).
 * Every name is always present in a {@link CellFeatures}, null with a reason when not computable,
 * so that cells are comparable column by column.
 */
public final class FeatureNames {
    /** Per-spike features reported for the first spike (ap_1) and as a mean (ap_mean). */
    public static final List<String> SPIKE_FEATURES = List.of("threshold_v", "peak_v", "upstroke", "downstroke",
            "upstroke_downstroke_ratio", "width", "fast_trough_v");
    /** Spike-train features of the sweep at each rheobase-relative amplitude. */
    public static final List<String> TRAIN_FEATURES = List.of("avg_rate", "latency", "first_isi", "isi_cv",
            "median_isi", "adapt");
    /** Rheobase-relative amplitudes: rheobase + 20·k pA, k = 0..5. */
    public static final int MAX_K = 5;
    public static final double AMPLITUDE_STEP_PA = 20.0;

    public static final List<String> ALL;

    static {
        List<String> names = new ArrayList<>(List.of("input_resistance", "tau", "v_baseline",
                "sag_nearest_minus_100", "sag_measured_at", "rheobase_i", "fi_linear_fit_slope"));
        for (int k = 0; k <= MAX_K; k++) {
            for (String f : SPIKE_FEATURES) {
                names.add(ap1(f, k));
            }
            for (String f : SPIKE_FEATURES) {
                names.add(apMean(f, k));
            }
            for (String g : TRAIN_FEATURES) {
                names.add(train(g, k));
            }
            names.add(stimulusAmplitude(k));
        }
        names.add("fi_sqrt_fit_A");
        names.add("fi_sqrt_fit_Ic");
        ALL = Collections.unmodifiableList(names);
    }

    private FeatureNames() {
    }

    public static String ap1(String f, int k) {
        return "ap_1_" + f + "_" + k + "_long_square";
    }

    public static String apMean(String f, int k) {
        return "ap_mean_" + f + "_" + k + "_long_square";
    }

    public static String train(String g, int k) {
        return g + "_" + k + "_long_square";
    }

    public static String stimulusAmplitude(int k) {
        return "stimulus_amplitude_" + k + "_long_square";
    }

    /** The unit of a cell feature: MΩ, s, mV, pA, V/s, Hz, Hz/pA, Hz/√pA or dimensionless. */
    public static String unit(String name) {
        switch (name) {
            case "input_resistance":
                return "MΩ";
            case "tau":
                return "s";
            case "v_baseline":
            case "sag_measured_at":
                return "mV";
            case "sag_nearest_minus_100":
                return "dimensionless";
            case "rheobase_i":
            case "fi_sqrt_fit_Ic":
                return "pA";
            case "fi_linear_fit_slope":
                return "Hz/pA";
            case "fi_sqrt_fit_A":
                return "Hz/√pA";
            default:
                break;
        }
        if (name.startsWith("stimulus_amplitude_")) {
            return "pA";
        }
        if (name.contains("upstroke_downstroke_ratio") || name.startsWith("isi_cv_") || name.startsWith("adapt_")) {
            return "dimensionless";
        }
        if (name.contains("threshold_v") || name.contains("peak_v") || name.contains("fast_trough_v")) {
            return "mV";
        }
        if (name.contains("upstroke") || name.contains("downstroke")) {
            return "V/s";
        }
        if (name.startsWith("avg_rate_")) {
            return "Hz";
        }
        if (name.contains("width") || name.startsWith("latency_") || name.contains("isi")) {
            return "s";
        }
        throw new IllegalArgumentException("unknown cell feature " + name);
    }
}
