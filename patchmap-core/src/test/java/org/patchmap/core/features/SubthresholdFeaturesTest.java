package org.patchmap.core.features;

import org.patchmap.core.protocol.FamilySweep;
import org.junit.jupiter.api.Test;
import org.patchmap.core.sweep.Sweep;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubthresholdFeaturesTest {
    private final RcCell cell = RcCell.standard();
    private final double start = cell.startS();
    private final double end = cell.endS();

    @Test
    void windowIndexIsTheNearestSampleClippedToTheSweep() {
        assertEquals(0, SweepWindow.index(-0.5, 20000, 100));
        assertEquals(3, SweepWindow.index(0.00016, 20000, 100)); // 3.2 samples
        assertEquals(4, SweepWindow.index(0.00018, 20000, 100)); // 3.6 samples
        assertEquals(3, SweepWindow.index(0.000175, 20000, 100)); // 3.5: tie goes to the earlier
        assertEquals(99, SweepWindow.index(1.0, 20000, 100));
    }

    @Test
    void peakDeflectIsTheMinimumForNegativeStepsAndTheMaximumOtherwise() {
        Sweep down = cell.sweep(1, -100);
        SubthresholdFeatures.Deflection min = SubthresholdFeatures.peakDeflect(down, -100, start, end);
        assertEquals(-70 - 15 * (1 - Math.exp(-0.8 / 0.02)), min.vMv(), 1e-9);
        assertEquals(down.voltageMv()[min.index()], min.vMv());
        assertTrue(min.index() > SweepWindow.index(down, start) && min.index() < SweepWindow.index(down, end));
        Sweep up = cell.sweep(2, 50);
        assertEquals(-70 + 7.5, SubthresholdFeatures.peakDeflect(up, 50, start, end).vMv(), 1e-9);
        Sweep zero = cell.sweep(3, 0);
        assertEquals(-70, SubthresholdFeatures.peakDeflect(zero, 0, start, end).vMv(), 0);
    }

    @Test
    void baselineWindowBeforeTheSweepIsClippedToItsStart() {
        double[] v = new double[2000];
        for (int k = 0; k < v.length; k++) {
            v[k] = k < 500 ? k : -1000; // mean over [0, 500) = 249.5
        }
        Sweep s = new Sweep(1, "s", 10000, v, new double[v.length]);
        assertEquals(249.5, SubthresholdFeatures.baselineVoltage(s, 0.05, 0.1), 1e-12);
        assertTrue(Double.isNaN(SubthresholdFeatures.baselineVoltage(s, 0.0, 0.1)));
    }

    @Test
    void sagOfAPiecewiseResponse() {
        // 10 kHz; baseline −70; step [0.1, 0.6): −100 for 50 ms with a −100.5 sample at 20 ms, then −90
        double[] v = new double[8000];
        for (int k = 0; k < v.length; k++) {
            double t = k / 10000.0;
            v[k] = t < 0.1 || t >= 0.6 ? -70 : t < 0.15 ? -100 : -90;
        }
        v[1200] = -100.5;
        Sweep s = new Sweep(1, "s", 10000, v, new double[v.length]);
        double vPeak = (-100.0 * 49 - 100.5) / 50; // samples [1175, 1225)
        double expected = (vPeak - -90) / (vPeak - -70);
        assertEquals(expected, SubthresholdFeatures.sag(s, 0.1, 0.6), 1e-12);
    }

    @Test
    void inputResistanceIsTheSlopeOfTheMinimaAgainstTheAmplitudes() {
        List<FamilySweep> sweeps = cell.family(-150, -100, -50);
        FeatureValue rin = SubthresholdFeatures.inputResistance(sweeps, start, end);
        assertEquals(150 * (1 - Math.exp(-0.8 / 0.02)), rin.value(), 1e-9);
        assertEquals(null, rin.reason());
    }

    @Test
    void oneSweepInputResistanceUsesItsOwnBaselineAsTheSecondPoint() {
        FeatureValue rin = SubthresholdFeatures.inputResistance(cell.family(-80), start, end);
        assertEquals(150.0, rin.value(), 1e-6);
        // a pre-pulse that leaves the baseline below the step's minimum gives a negative Rin, as in ipfx
        Sweep s = cell.sweep(1, -50);
        double[] v = s.voltageMv();
        int from = SweepWindow.index(s, start - 0.1);
        for (int k = from; k < SweepWindow.index(s, start); k++) {
            v[k] = -85;
        }
        assertTrue(SubthresholdFeatures.inputResistance(List.of(new FamilySweep(s, -50)), start, end).value() < 0);
    }

    @Test
    void noRinSweepGivesAReason() {
        FeatureValue rin = SubthresholdFeatures.inputResistance(List.of(), start, end);
        assertTrue(Double.isNaN(rin.value()));
        assertEquals("no subthreshold sweep between −200 and 0 pA", rin.reason());
    }

    @Test
    void tauOfANoiselessRcResponseIsItsTimeConstant() {
        FeatureValue tau = SubthresholdFeatures.timeConstant(cell.sweep(1, -100), start, end, Double.NaN);
        assertEquals(0.020, tau.value(), 1e-7);
    }

    @Test
    void tauFitEndsAtTheMedianPeakTimeWhenThatIsEarlier() {
        // capped at 60 ms into the step the fit still sees a clean exponential
        FeatureValue tau = SubthresholdFeatures.timeConstant(cell.sweep(1, -100), start, end, start + 0.06);
        assertEquals(0.020, tau.value(), 1e-7);
        // capped at the step start there is no deflection to fit
        FeatureValue none = SubthresholdFeatures.timeConstant(cell.sweep(1, -100), start, end, start);
        assertFalse(none.isFinite());
        assertEquals("tau: signal-to-noise ratio 0.0 < 20", none.reason());
    }

    @Test
    void medianPeakTime() {
        double[] v1 = {0, 0, -1, 0, 0, 0};
        double[] v2 = {0, 0, 0, 0, -1, 0};
        List<FamilySweep> sweeps = List.of(new FamilySweep(new Sweep(1, "a", 10, v1, new double[6]), -1),
                new FamilySweep(new Sweep(2, "b", 10, v2, new double[6]), -1));
        assertEquals(0.3, SubthresholdFeatures.medianPeakTime(sweeps, 0, 0.6), 1e-12);
    }
}
