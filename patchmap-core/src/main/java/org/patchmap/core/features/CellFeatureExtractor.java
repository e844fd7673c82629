package org.patchmap.core.features;

import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.qc.RangeQc;
import org.patchmap.core.spikes.SpikeTrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The long-square cell features of spec section 5 (ipfx's {@code LongSquareAnalysis} plus the
 * rheobase-relative features), then the range QC of section 6. A thin composition of
 * {@link SubthresholdFeatures}, {@link FiCurve} and {@link RheobaseRelativeFeatures}: in go the
 * family sweeps with their amplitudes, the window and a spike detector; out come all features of
 * {@link FeatureNames#ALL}, each a value or null with a reason. No feature's failure fails the cell.
 */
public final class CellFeatureExtractor {
    /** Rin/tau sweeps: amplitude strictly between this (spec 5's bound) and 0 pA. */
    public static final double RIN_MIN_AMPLITUDE_PA = -200.0;
    /** Sag is reported for the subthreshold sweep whose peak_deflect is closest to this, mV. */
    public static final double SAG_TARGET_MV = -100.0;

    private CellFeatureExtractor() {
    }

    /**
     * @param family the long-square family in sweep order
     * @param startS step start, s from sweep start
     * @param endS   step end, s
     * @param spikes the spikes of a family sweep inside [start, end] (spec sections 2 to 4); an
     *               exception leaves that sweep out of the spike-dependent features, with a reason
     */
    public static CellFeatures extract(List<FamilySweep> family, double startS, double endS,
                                       Function<FamilySweep, SpikeTrain> spikes) {
        CellFeatures.Builder out = new CellFeatures.Builder();
        if (!(Double.isFinite(startS) && Double.isFinite(endS) && startS >= 0 && endS > startS)) {
            String why = String.format(Locale.ROOT, "invalid long-square window [%s, %s) s", startS, endS);
            for (String name : FeatureNames.ALL) {
                out.missing(name, why);
            }
            return RangeQc.apply(out.build(List.of()));
        }
        if (family.isEmpty()) {
            for (String name : FeatureNames.ALL) {
                out.missing(name, "empty long-square family");
            }
            return RangeQc.apply(out.build(List.of()));
        }
        List<SweepFeatures> sweeps = sweepTable(family, startS, endS, spikes);
        StringJoiner spikeFailures = new StringJoiner("; ");
        for (SweepFeatures s : sweeps) {
            if (s.spikeFailure() != null) {
                spikeFailures.add("sweep " + s.label() + ": " + s.spikeFailure());
            }
        }
        subthreshold(out, sweeps, startS, endS);
        suprathreshold(out, sweeps, spikeFailures.length() == 0 ? "" : " (" + spikeFailures + ")");
        return RangeQc.apply(out.build(sweeps));
    }

    /**
     * The sweep table the cell features are computed from (ipfx's {@code sweeps} frame): each family
     * sweep with its spikes (or why they could not be detected) and its subthreshold columns, in
     * family order.
     *
     * @param startS step start, s from sweep start (finite, ≥ 0)
     * @param endS   step end, s (after startS)
     * @param spikes as for {@link #extract}
     */
    public static List<SweepFeatures> sweepTable(List<FamilySweep> family, double startS, double endS,
                                                 Function<FamilySweep, SpikeTrain> spikes) {
        List<SweepFeatures> sweeps = new ArrayList<>();
        for (FamilySweep member : family) {
            SpikeTrain train = null;
            String failure = null;
            try {
                train = spikes.apply(member);
                if (train == null) {
                    failure = "no spike train";
                }
            } catch (RuntimeException e) {
                failure = "spike detection failed: " + e.getMessage();
            }
            sweeps.add(SweepFeatures.of(member, train, failure, startS, endS));
        }
        return sweeps;
    }

    /** Spec 5: v_baseline, sag_nearest_minus_100 / sag_measured_at, input_resistance, tau. */
    static void subthreshold(CellFeatures.Builder out, List<SweepFeatures> sweeps, double startS, double endS) {
        out.put("v_baseline", sweeps.stream().mapToDouble(SweepFeatures::vBaselineMv).filter(Double::isFinite)
                .average().orElse(Double.NaN), "no baseline before the step (it starts at the sweep start)");

        List<SweepFeatures> sub = sweeps.stream().filter(SweepFeatures::subthreshold).toList();
        SweepFeatures sagSweep = null;
        for (SweepFeatures s : sub) {
            if (Double.isFinite(s.peakDeflectMv()) && (sagSweep == null
                    || Math.abs(s.peakDeflectMv() - SAG_TARGET_MV) < Math.abs(sagSweep.peakDeflectMv() - SAG_TARGET_MV))) {
                sagSweep = s;
            }
        }
        if (sagSweep == null) {
            out.missing("sag_nearest_minus_100", "no subthreshold sweep");
            out.missing("sag_measured_at", "no subthreshold sweep");
        } else {
            out.put("sag_nearest_minus_100", sagSweep.sag(), "sag of sweep " + sagSweep.label()
                    + " not computable (flat response)");
            out.put("sag_measured_at", sagSweep.peakDeflectMv(), "no peak_deflect");
        }

        List<FamilySweep> rin = sub.stream()
                .filter(s -> s.amplitudePa() > RIN_MIN_AMPLITUDE_PA && s.amplitudePa() < 0)
                .map(SweepFeatures::member).toList();
        out.put("input_resistance", SubthresholdFeatures.inputResistance(rin, startS, endS));
        if (rin.isEmpty()) {
            out.missing("tau", "no subthreshold sweep between −200 and 0 pA");
            return;
        }
        double maxFitEnd = SubthresholdFeatures.medianPeakTime(rin, startS, endS);
        double sum = 0;
        int n = 0;
        StringJoiner failures = new StringJoiner("; ");
        for (FamilySweep s : rin) {
            FeatureValue tau = SubthresholdFeatures.timeConstant(s.sweep(), startS, endS, maxFitEnd);
            if (tau.isFinite()) {
                sum += tau.value();
                n++;
            } else {
                failures.add("sweep " + s.label() + ": " + tau.reason());
            }
        }
        out.put("tau", n == 0 ? Double.NaN : sum / n, "no sweep gave a tau: " + failures);
    }

    /** Spec 5: rheobase_i, fi_linear_fit_slope, the rheobase-relative features, the f–I fit. */
    static void suprathreshold(CellFeatures.Builder out, List<SweepFeatures> sweeps, String spikeFailures) {
        List<SweepFeatures> spiking = sweeps.stream().filter(SweepFeatures::spiking).toList();
        FeatureValue rheobase = FiCurve.rheobase(spiking);
        out.put("rheobase_i", rheobase.value(), rheobase.reason() + spikeFailures);
        FeatureValue slope = FiCurve.linearSlope(spiking);
        out.put("fi_linear_fit_slope", slope.value(), slope.reason() + spikeFailures);
        if (!rheobase.isFinite()) {
            String why = rheobase.reason() + spikeFailures;
            for (int k = 0; k <= FeatureNames.MAX_K; k++) {
                RheobaseRelativeFeatures.missingAll(out, k, why);
            }
            out.missing("fi_sqrt_fit_A", why);
            out.missing("fi_sqrt_fit_Ic", why);
            return;
        }
        List<FiCurve.Step> steps = FiCurve.consolidate(spiking, rheobase.value());
        RheobaseRelativeFeatures.put(out, steps, rheobase.value());
        FiCurve.SqrtFit fit = FiCurve.sqrtFit(steps);
        out.put("fi_sqrt_fit_A", fit.a());
        out.put("fi_sqrt_fit_Ic", fit.ic());
    }
}
