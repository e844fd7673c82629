package org.patchmap.core.features;

import org.patchmap.core.numeric.Stats;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.sweep.Sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Subthreshold features of long-square sweeps (ipfx {@code subthresh_features}): pure functions
 * of one sweep or of a set of sweeps, v in mV, t in s, i in pA. Each method names the spec
 * bullet (features.md sections 4 and 5) it implements. Windows are half-open index ranges, see
 * {@link SweepWindow}.
 */
public final class SubthresholdFeatures {
    /** ipfx's baseline interval for v_baseline, Rin and tau: the 0.1 s before the step. */
    public static final double BASELINE_INTERVAL_S = 0.1;
    /** Sag's baseline and steady-state windows: 30 ms. */
    public static final double SAG_INTERVAL_S = 0.03;
    /** Sag's peak is averaged over ±2.5 ms around the minimum. */
    public static final double SAG_PEAK_WIDTH_S = 0.005;
    /** Tau: minimum signal-to-noise ratio of the deflection against the baseline noise. */
    public static final double TAU_MIN_SNR = 20;
    /** Tau: the fit starts where v has gone this fraction of the way to its peak. */
    public static final double TAU_FIT_START_FRACTION = 0.1;
    /** Tau: a fit with a larger RMSE (mV) is rejected. */
    public static final double TAU_MAX_RMSE_MV = 1.0;

    /**
     * A voltage extreme and where it is.
     *
     * @param vMv   the voltage, mV (NaN when the window is empty)
     * @param index its sample (-1 when the window is empty)
     */
    public record Deflection(double vMv, int index) {
    }

    private SubthresholdFeatures() {
    }

    /**
     * Spec 4, peak_deflect: min v in [start, end) when the amplitude is negative, else max.
     */
    public static Deflection peakDeflect(Sweep sweep, double amplitudePa, double startS, double endS) {
        return amplitudePa < 0 ? minimum(sweep, startS, endS) : maximum(sweep, startS, endS);
    }

    /** Minimum v in [start, end) (first one when repeated). */
    public static Deflection minimum(Sweep sweep, double startS, double endS) {
        double[] v = sweep.voltageMv();
        int k = SweepWindow.argmin(v, SweepWindow.index(sweep, startS), SweepWindow.index(sweep, endS));
        return k < 0 ? new Deflection(Double.NaN, -1) : new Deflection(v[k], k);
    }

    /** Maximum v in [start, end) (first one when repeated). */
    public static Deflection maximum(Sweep sweep, double startS, double endS) {
        double[] v = sweep.voltageMv();
        int k = SweepWindow.argmax(v, SweepWindow.index(sweep, startS), SweepWindow.index(sweep, endS));
        return k < 0 ? new Deflection(Double.NaN, -1) : new Deflection(v[k], k);
    }

    /**
     * Spec 5, v_baseline (per sweep): mean v in [start - interval, start), clipped at the sweep
     * start; NaN when the step starts at the first sample.
     */
    public static double baselineVoltage(Sweep sweep, double startS, double intervalS) {
        return SweepWindow.mean(sweep, startS - intervalS, startS);
    }

    /**
     * Spec 5, sag (per sweep): v_peak = mean v within ±2.5 ms of the min v in [start, end);
     * v_base = mean v in [start − 30 ms, start); v_steady = mean v in [end − 30 ms, end);
     * sag = (v_peak − v_steady) / (v_peak − v_base). NaN when not computable.
     */
    public static double sag(Sweep sweep, double startS, double endS) {
        Deflection min = minimum(sweep, startS, endS);
        if (min.index() < 0) {
            return Double.NaN;
        }
        double tPeak = SweepWindow.time(sweep, min.index());
        double vPeak = SweepWindow.mean(sweep, tPeak - SAG_PEAK_WIDTH_S / 2, tPeak + SAG_PEAK_WIDTH_S / 2);
        double vBase = baselineVoltage(sweep, startS, SAG_INTERVAL_S);
        double vSteady = SweepWindow.mean(sweep, endS - SAG_INTERVAL_S, endS);
        return (vPeak - vSteady) / (vPeak - vBase);
    }

    /**
     * Spec 5, input_resistance: slope × 1000 of the least-squares line v_min = slope·i + c over
     * the given (Rin/tau) sweeps, v_min = min v in [start, end) and i the idealised stimulus
     * there (the amplitude); with one sweep the point (0 pA, that sweep's v_baseline) is added.
     * MΩ (mV/pA × 1000).
     */
    public static FeatureValue inputResistance(List<FamilySweep> sweeps, double startS, double endS) {
        if (sweeps.isEmpty()) {
            return FeatureValue.missing("no subthreshold sweep between −200 and 0 pA");
        }
        int n = sweeps.size() == 1 ? 2 : sweeps.size();
        double[] i = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < sweeps.size(); k++) {
            i[k] = sweeps.get(k).amplitudePa();
            v[k] = minimum(sweeps.get(k).sweep(), startS, endS).vMv();
        }
        if (sweeps.size() == 1) {
            i[1] = 0;
            v[1] = baselineVoltage(sweeps.get(0).sweep(), startS, BASELINE_INTERVAL_S);
        }
        double slope = Stats.slope(i, v);
        if (Double.isNaN(slope) && Arrays.stream(i).distinct().count() < 2) {
            return FeatureValue.missing("all Rin sweeps have the same amplitude");
        }
        return FeatureValue.of(slope * 1000, "input resistance not finite (window outside the sweeps?)");
    }

    /**
     * Spec 5, the "median peak time of the Rin/tau sweeps" that caps each tau fit: median over
     * the sweeps of the time of min v in [start, end), s. NaN when there are none.
     */
    public static double medianPeakTime(List<FamilySweep> sweeps, double startS, double endS) {
        double[] t = sweeps.stream()
                .mapToDouble(s -> {
                    int k = minimum(s.sweep(), startS, endS).index();
                    return k < 0 ? Double.NaN : SweepWindow.time(s.sweep(), k);
                })
                .filter(Double::isFinite)
                .toArray();
        return Stats.median(t);
    }

    /**
     * Spec 5, tau (per sweep), ipfx {@code time_constant}: peak = min v in [start, end); fit end
     * = the earlier of the peak and {@code maxFitEndS} (NaN: no cap), v_peak = v there;
     * SNR = |baseline − v_peak| / std(v in [start − 0.1 s, start)) must be ≥ 20; fit start =
     * the first sample ≥ start with v ≤ baseline + 0.1·(v_peak − baseline); y0 + a·exp(−k·x),
     * x = t − t(fit start), from (v[fit start] − v[fit end], 50, v[fit end]) over the half-open
     * range [fit start, fit end) by Levenberg-Marquardt; RMSE > 1 mV is rejected. tau = 1/k, s.
     */
    public static FeatureValue timeConstant(Sweep sweep, double startS, double endS, double maxFitEndS) {
        double[] v = sweep.voltageMv();
        Deflection min = minimum(sweep, startS, endS);
        if (min.index() < 0) {
            return FeatureValue.missing("empty step window");
        }
        int fitEnd = min.index();
        if (Double.isFinite(maxFitEndS)) {
            fitEnd = Math.min(fitEnd, SweepWindow.index(sweep, maxFitEndS));
        }
        double vPeak = v[fitEnd];
        int start = SweepWindow.index(sweep, startS);
        int baseFrom = SweepWindow.index(sweep, startS - BASELINE_INTERVAL_S);
        double baseline = Stats.mean(v, baseFrom, start);
        double noise = Stats.populationStd(v, baseFrom, start);
        if (Double.isNaN(noise)) {
            return FeatureValue.missing("tau: no baseline before the step to measure noise against");
        }
        double deflection = Math.abs(baseline - vPeak);
        double snr = noise > 0 ? deflection / noise : deflection > 0 ? Double.POSITIVE_INFINITY : 0;
        if (snr < TAU_MIN_SNR) {
            return FeatureValue.missing(String.format(Locale.ROOT, "tau: signal-to-noise ratio %.1f < %.0f", snr,
                    TAU_MIN_SNR));
        }
        double level = baseline + TAU_FIT_START_FRACTION * (vPeak - baseline);
        int fitStart = -1;
        for (int k = start; k < v.length; k++) {
            if (v[k] <= level) {
                fitStart = k;
                break;
            }
        }
        if (fitStart < 0) {
            return FeatureValue.missing("tau: v never reaches 10 % of the deflection");
        }
        int n = fitEnd - fitStart;
        if (n < 3) {
            return FeatureValue.missing("tau: fit window has " + Math.max(n, 0) + " samples, need 3");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double t0 = SweepWindow.time(sweep, fitStart);
        for (int k = 0; k < n; k++) {
            x[k] = SweepWindow.time(sweep, fitStart + k) - t0;
            y[k] = v[fitStart + k];
        }
        double[] guess = {v[fitStart] - v[fitEnd], 50.0, v[fitEnd]};
        CurveFit.Result fit = CurveFit.fit(CurveFit.EXP_DECAY, x, y, guess);
        if (!fit.converged()) {
            return FeatureValue.missing("tau " + fit.failure());
        }
        if (fit.rmse() > TAU_MAX_RMSE_MV) {
            return FeatureValue.missing(String.format(Locale.ROOT, "tau fit RMSE %.2f mV > %.0f mV", fit.rmse(),
                    TAU_MAX_RMSE_MV));
        }
        return FeatureValue.of(1.0 / fit.params()[1], "tau fit gave k = 0");
    }
}
