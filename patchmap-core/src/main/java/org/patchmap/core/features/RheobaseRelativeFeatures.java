package org.patchmap.core.features;

import org.patchmap.core.numeric.Stats;
import org.patchmap.core.spikes.Spike;
import org.patchmap.core.spikes.SpikeTrain;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Spec 5, the rheobase-relative features: for k = 0..5 the consolidated sweep at rheobase + 20·k
 * pA gives {@code ap_1_<f>_<k>_long_square} (its first spike's f),
 * {@code ap_mean_<f>_<k>_long_square} (mean over its spikes, NaN skipped),
 * {@code <g>_<k>_long_square} (its spike-train features) and
 * {@code stimulus_amplitude_<k>_long_square} (rheobase + 20·k). An amplitude with no sweep leaves
 * its features null with a reason (ipfx leaves them out).
 */
final class RheobaseRelativeFeatures {
    private RheobaseRelativeFeatures() {
    }

    static void put(CellFeatures.Builder out, List<FiCurve.Step> steps, double rheobasePa) {
        for (int k = 0; k <= FeatureNames.MAX_K; k++) {
            double rel = FeatureNames.AMPLITUDE_STEP_PA * k;
            double amp = rheobasePa + rel;
            FiCurve.Step step = null;
            for (FiCurve.Step s : steps) {
                if (s.relativeAmplitudePa() == rel) {
                    step = s;
                }
            }
            if (step == null) {
                String why = String.format(Locale.ROOT, "no spiking sweep at %s pA (rheobase + %d pA)", pa(amp),
                        (int) rel);
                missingAll(out, k, why);
                continue;
            }
            putStep(out, k, amp, step.sweep());
        }
    }

    static void missingAll(CellFeatures.Builder out, int k, String why) {
        for (String f : FeatureNames.SPIKE_FEATURES) {
            out.missing(FeatureNames.ap1(f, k), why);
            out.missing(FeatureNames.apMean(f, k), why);
        }
        for (String g : FeatureNames.TRAIN_FEATURES) {
            out.missing(FeatureNames.train(g, k), why);
        }
        out.missing(FeatureNames.stimulusAmplitude(k), why);
    }

    private static void putStep(CellFeatures.Builder out, int k, double amp, SweepFeatures sweep) {
        SpikeTrain train = sweep.spikes();
        List<Spike> spikes = train.spikes();
        String at = "sweep " + sweep.label() + " (" + pa(sweep.amplitudePa()) + " pA)";
        if (spikes.isEmpty()) { // avg_rate > 0 without spikes: an inconsistent train, not a crash
            missingAll(out, k, at + " has avg_rate " + train.avgRate() + " Hz but no spikes");
            return;
        }
        Spike first = spikes.get(0);
        for (String f : FeatureNames.SPIKE_FEATURES) {
            ToDoubleFunction<Spike> get = spikeFeature(f);
            out.put(FeatureNames.ap1(f, k), get.applyAsDouble(first),
                    "first spike of " + at + (first.clipped() ? " is clipped" : ": " + f + " not computable"));
            out.put(FeatureNames.apMean(f, k), Stats.nanMean(spikes.stream().mapToDouble(get).toArray()),
                    "no spike of " + at + " has a " + f);
        }
        int count = spikes.size();
        String fewIsis = count + " spike" + (count == 1 ? "" : "s") + " in " + at;
        out.put(FeatureNames.train("avg_rate", k), train.avgRate(), "avg_rate not computable in " + at);
        out.put(FeatureNames.train("latency", k), train.latency(), "latency not computable in " + at);
        out.put(FeatureNames.train("first_isi", k), train.firstIsi(), fewIsis + ": no ISI");
        out.put(FeatureNames.train("isi_cv", k), train.isiCv(), fewIsis + ": no ISI");
        out.put(FeatureNames.train("median_isi", k), train.medianIsi(), fewIsis + ": no ISI");
        out.put(FeatureNames.train("adapt", k), train.adapt(), fewIsis + ": adapt needs 2 ISIs");
        out.put(FeatureNames.stimulusAmplitude(k), amp, "rheobase not finite");
    }

    static ToDoubleFunction<Spike> spikeFeature(String f) {
        switch (f) {
            case "threshold_v":
                return Spike::thresholdV;
            case "peak_v":
                return Spike::peakV;
            case "upstroke":
                return Spike::upstroke;
            case "downstroke":
                return Spike::downstroke;
            case "upstroke_downstroke_ratio":
                return Spike::upstrokeDownstrokeRatio;
            case "width":
                return Spike::width;
            case "fast_trough_v":
                return Spike::fastTroughV;
            default:
                throw new IllegalArgumentException("not a spike feature: " + f);
        }
    }

    static String pa(double amp) {
        return amp == Math.rint(amp) ? String.valueOf((long) amp) : String.format(Locale.ROOT, "%.1f", amp);
    }
}
