package org.patchmap.core.features;

import org.patchmap.core.numeric.Stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The f–I curve of a long-square family (spec section 5: rheobase_i, fi_linear_fit_slope, the
 * consolidation of repeated amplitudes and the square-root fit). Input: the spiking sweeps
 * (avg_rate > 0) in family order.
 */
public final class FiCurve {
    /**
     * One consolidated suprathreshold step.
     *
     * @param relativeAmplitudePa amplitude − rheobase, rounded to the nearest pA (numpy rint)
     * @param sweep               the sweep chosen for that amplitude
     */
    public record Step(double relativeAmplitudePa, SweepFeatures sweep) {
    }

    /**
     * fi_sqrt_fit_A (Hz/√pA) and fi_sqrt_fit_Ic (pA), and which fit produced them.
     */
    public record SqrtFit(FeatureValue a, FeatureValue ic, String method) {
    }

    private FiCurve() {
    }

    /** Spec 5, rheobase_i: lowest positive amplitude among spiking sweeps, pA. */
    public static FeatureValue rheobase(List<SweepFeatures> spiking) {
        if (spiking.isEmpty()) {
            return FeatureValue.missing("no spiking sweep");
        }
        double best = spiking.stream().mapToDouble(SweepFeatures::amplitudePa).filter(a -> a > 0).min()
                .orElse(Double.NaN);
        return FeatureValue.of(best, "no spiking sweep with a positive amplitude");
    }

    /**
     * The rheobase sweep: the sweep the rheobase-relative features at k = 0 ({@code ap_1_<f>_0_long_square},
     * {@code latency_0_long_square}...) come from. Among the spiking sweeps (avg_rate > 0), those at the
     * lowest positive amplitude (rheobase_i, within half a pA as {@link #consolidate} keys them); when
     * that amplitude was recorded more than once, the one whose avg_rate is closest to the median there,
     * the first on a tie (spec 5). ipfx's {@code find_rheobase_sweep} also takes the lowest-amplitude
     * spiking sweep and differs only among repeats of that amplitude, where spec 5's rule decides.
     * Empty when no sweep spikes at a positive amplitude.
     *
     * @param sweeps the sweep table in family order (spiking or not)
     */
    public static Optional<SweepFeatures> rheobaseSweep(List<SweepFeatures> sweeps) {
        List<SweepFeatures> spiking = sweeps.stream().filter(SweepFeatures::spiking).toList();
        FeatureValue rheobase = rheobase(spiking);
        if (!rheobase.isFinite()) {
            return Optional.empty();
        }
        return consolidate(spiking, rheobase.value()).stream().filter(s -> s.relativeAmplitudePa() == 0)
                .map(Step::sweep).findFirst();
    }

    /**
     * Spec 5, fi_linear_fit_slope: least-squares slope of avg_rate vs amplitude over all spiking
     * sweeps (≥ 2), Hz/pA.
     */
    public static FeatureValue linearSlope(List<SweepFeatures> spiking) {
        if (spiking.size() < 2) {
            return FeatureValue.missing(spiking.isEmpty() ? "no spiking sweep" : "only one spiking sweep");
        }
        double[] amp = spiking.stream().mapToDouble(SweepFeatures::amplitudePa).toArray();
        double[] rate = spiking.stream().mapToDouble(s -> s.spikes().avgRate()).toArray();
        return FeatureValue.of(Stats.slope(amp, rate), "all spiking sweeps have the same amplitude");
    }

    /**
     * Spec 5, consolidation: the spiking sweeps at or above rheobase, one per amplitude (relative
     * to rheobase, rounded to the nearest pA as ipfx keys them); when an amplitude is repeated, the
     * sweep whose avg_rate is closest to the median avg_rate there (the first on a tie). In order
     * of first appearance. ipfx groups by the exact amplitude and rounds afterwards; grouping by
     * the rounded value keeps two sweeps of 200.0 and 200.3 pA from both claiming k = 0.
     */
    public static List<Step> consolidate(List<SweepFeatures> spiking, double rheobasePa) {
        Map<Double, List<SweepFeatures>> byAmp = new LinkedHashMap<>();
        for (SweepFeatures s : spiking) {
            if (s.amplitudePa() >= rheobasePa) {
                byAmp.computeIfAbsent(Math.rint(s.amplitudePa() - rheobasePa) + 0.0, a -> new ArrayList<>()).add(s);
            }
        }
        List<Step> steps = new ArrayList<>();
        byAmp.forEach((amp, group) -> {
            double median = Stats.median(group.stream().mapToDouble(s -> s.spikes().avgRate()).toArray());
            SweepFeatures best = group.get(0);
            for (SweepFeatures s : group) {
                if (Math.abs(s.spikes().avgRate() - median) < Math.abs(best.spikes().avgRate() - median)) {
                    best = s;
                }
            }
            steps.add(new Step(amp, best));
        });
        return steps;
    }

    /**
     * Spec 5, the f–I square-root fit over the consolidated steps (≥ 3): rate = A·sqrt(max(0,
     * amp − Ic)), amp relative to rheobase, Levenberg-Marquardt from (A, Ic) = (1, 0); when that
     * fails or is degenerate (A ≤ 0, or Ic at or above every amplitude), rate² = m·amp + c by
     * least squares: A = sqrt(m), Ic = −c/m.
     */
    public static SqrtFit sqrtFit(List<Step> steps) {
        if (steps.size() < 3) {
            String why = steps.size() + " suprathreshold amplitude" + (steps.size() == 1 ? "" : "s")
                    + ", the f–I fit needs 3";
            return new SqrtFit(FeatureValue.missing(why), FeatureValue.missing(why), null);
        }
        double[] amp = steps.stream().mapToDouble(Step::relativeAmplitudePa).toArray();
        double[] rate = steps.stream().mapToDouble(s -> s.sweep().spikes().avgRate()).toArray();
        CurveFit.Result fit = CurveFit.fit((x, p) -> p[0] * Math.sqrt(Math.max(0, x - p[1])), amp, rate,
                new double[] {1.0, 0.0});
        double maxAmp = Arrays.stream(amp).max().orElseThrow();
        String nonlinear;
        if (!fit.converged()) {
            nonlinear = fit.failure();
        } else if (!(fit.params()[0] > 0)) {
            nonlinear = String.format(Locale.ROOT, "A = %.3g ≤ 0", fit.params()[0]);
        } else if (fit.params()[1] >= maxAmp) {
            nonlinear = String.format(Locale.ROOT, "Ic = %.1f pA above every amplitude", fit.params()[1]);
        } else {
            return new SqrtFit(new FeatureValue(fit.params()[0], null), new FeatureValue(fit.params()[1], null),
                    "sqrt");
        }
        double[] rate2 = Arrays.stream(rate).map(r -> r * r).toArray();
        double m = Stats.slope(amp, rate2);
        if (!(m > 0)) {
            String why = "f–I fit: nonlinear fit " + nonlinear + "; rate² does not rise with amplitude";
            return new SqrtFit(FeatureValue.missing(why), FeatureValue.missing(why), null);
        }
        double c = Arrays.stream(rate2).average().orElseThrow() - m * Arrays.stream(amp).average().orElseThrow();
        return new SqrtFit(new FeatureValue(Math.sqrt(m), null), new FeatureValue(-c / m, null),
                "linear (nonlinear fit " + nonlinear + ")");
    }
}
