package org.patchmap.sim;

import org.junit.jupiter.api.Test;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.spikes.Spike;
import org.patchmap.core.spikes.SpikeDetector;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tabulated gates against the rate functions: every value of every gate of every type, and the
 * first spike they give, within the bounds the convergence test allows the integration step.
 */
class GateTableTest {
    /** Largest error allowed in a steady state or decay factor (both lie in 0..1); measured 3.1·10⁻⁷. */
    static final double MAX_VALUE_ERROR = 1e-6;

    @Test
    void everyGateOfEveryTypeIsWithinTheBoundBetweenGridPointsAt22And34C() {
        SplittableRandom random = new SplittableRandom(1);
        double worst = 0;
        String where = "";
        for (CellType type : CellType.values()) {
            for (double temperature : new double[]{RecordingConditions.ROOM_C, RecordingConditions.PHYSIOLOGICAL_C}) {
                Compartment c = new Compartment(type.base(), temperature, RecordingConditions.DEFAULT_STEP_MS);
                GateTable table = c.table();
                for (int column = 0; column < table.width(); column++) {
                    double typeWorst = 0;
                    for (int point = 0; point < GateTable.POINTS - 1; point++) {
                        // midway, where linear interpolation errs most, and one random place
                        for (double at : new double[]{0.5, random.nextDouble()}) {
                            double v = GateTable.voltage(point) + at * GateTable.DV_MV;
                            typeWorst = Math.max(typeWorst, Math.abs(table.at(v, column) - table.exact(v, column)));
                        }
                    }
                    if (typeWorst > worst) {
                        worst = typeWorst;
                        where = String.format(Locale.ROOT, "%s at %.0f °C, column %d", type, temperature, column);
                    }
                    assertTrue(typeWorst < MAX_VALUE_ERROR, String.format(Locale.ROOT, "%s at %.0f °C column %d: %.3g",
                            type, temperature, column, typeWorst));
                }
            }
        }
        System.out.printf(Locale.ROOT, "largest tabulation error of any gate value: %.3g (%s)%n", worst, where);
    }

    @Test
    void gridPointsHoldTheExactValues() {
        Compartment c = new Compartment(CellType.LOW_THRESHOLD_SPIKING.base(), 34, 0.01);
        GateTable table = c.table();
        for (int column = 0; column < table.width(); column++) {
            for (int point = 0; point < GateTable.POINTS - 1; point += 97) {
                double v = GateTable.voltage(point);
                assertEquals(table.exact(v, column), table.at(v, column), 1e-15, "column " + column + " at " + v);
            }
        }
    }

    private static final LongSquareProtocol ONE_STEP = new LongSquareProtocol(300, 50, 300, 0.1, 0.2, 0.05);

    private static Spike firstSpike(SimulatedCell cell, Compartment.Rates rates) {
        Recording r = Simulator.record(cell, ONE_STEP, new RecordingConditions(RecordingConditions.PHYSIOLOGICAL_C,
                50_000, RecordingConditions.DEFAULT_STEP_MS, Rig.NONE, 0), rates);
        return new SpikeDetector().detect(r.sweeps().get(0), 0.1, 0.3).spikes().get(0);
    }

    @Test
    void firstSpikeMatchesTheExactRatesWithinTheConvergenceTestsBounds() {
        for (CellType type : CellType.values()) {
            SimulatedCell cell = SimulatedCell.draw(type, 1, 7).get(0);
            Spike exact = firstSpike(cell, Compartment.Rates.EXACT);
            Spike tabulated = firstSpike(cell, Compartment.Rates.TABULATED);
            System.out.printf(Locale.ROOT, "%-22s peak %.4f vs %.4f mV, threshold %.4f vs %.4f mV at %.5f vs %.5f s,"
                            + " width %.5f vs %.5f ms%n", type, exact.peakV(), tabulated.peakV(), exact.thresholdV(),
                    tabulated.thresholdV(), exact.thresholdT(), tabulated.thresholdT(), exact.width() * 1e3,
                    tabulated.width() * 1e3);
            assertEquals(exact.peakV(), tabulated.peakV(), 0.1, type + " peak mV");
            assertEquals(exact.width(), tabulated.width(), 0.02e-3 + 1e-12, type + " width s (one 50 kHz sample)");
            assertEquals(exact.thresholdT(), tabulated.thresholdT(), 0.02e-3 + 1e-12, type + " threshold time s");
            assertEquals(exact.thresholdV(), tabulated.thresholdV(), 0.5, type + " threshold mV");
        }
    }

    @Test
    void outsideTheGridTheCompartmentUsesTheExactRates() {
        Compartment tabulated = new Compartment(CellType.REGULAR_SPIKING.base(), 34, 0.01);
        Compartment exact = new Compartment(CellType.REGULAR_SPIKING.base(), 34, 0.01, Compartment.Rates.EXACT);
        tabulated.setSteadyState(-230);
        exact.setSteadyState(-230);
        for (int k = 0; k < 100; k++) {
            tabulated.step(0);
            exact.step(0);
            assertEquals(exact.v, tabulated.v, 0.0, "step " + k);
        }
    }
}
