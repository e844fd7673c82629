package org.patchmap.sim;

/**
 * Each active gate's steady state and its decay factor over one integration step, tabulated on a
 * voltage grid for one compartment (its membrane, temperature and step) and read with linear
 * interpolation, as NEURON's TABLE statement does. A step then costs table reads instead of the
 * rate functions' exponentials.
 *
 * <p>Grid: {@value #V_MIN_MV} to {@value #V_MAX_MV} mV every {@value #DV_MV} mV (15,001 points).
 * Linear interpolation errs by at most h²/8·max|f''| per value. {@code GateTableTest} measures the
 * largest error of every gate of every type at 22 and 34 °C between grid points: 3.1·10⁻⁷ (the Na
 * inactivation's steady state; the test allows 10⁻⁶), and that the first spike's peak, width,
 * threshold and threshold time match the exact rates' within the convergence test's bounds
 * (measured: within 0.004 mV and the same samples). A 0.05 mV grid errs by 1.9·10⁻⁶ and makes one FS
 * cell fired one spike fewer in a 0.5 s step than with the exact rates; at 0.02 mV the 18 cells of
 * {@code CellTypeFeaturesTest} give the exact rates' features. Outside the grid the compartment
 * uses the exact rates.
 *
 * <p>Layout: one row of {@link #width()} values per grid point, so one step's reads are adjacent.
 */
final class GateTable {
    static final double V_MIN_MV = -200;
    static final double V_MAX_MV = 100;
    static final double DV_MV = 0.02;
    static final int POINTS = (int) Math.round((V_MAX_MV - V_MIN_MV) / DV_MV) + 1;

    /** A gate's steady state at V and its factor exp(−dt/τ) over one step at V. */
    interface Gate {
        double inf(double vMv);

        double decay(double vMv);
    }

    /** A value with no dynamics (the T current's instantaneous activation). */
    interface Instant {
        double value(double vMv);
    }

    private final Gate[] gates;
    private final Instant[] instants;
    private final double[] rows;
    private final int width;

    private GateTable(Gate[] gates, Instant[] instants, double[] rows, int width) {
        this.gates = gates;
        this.instants = instants;
        this.rows = rows;
        this.width = width;
    }

    /** Tabulates {@code gates} (two columns each, steady state then decay) then {@code instants} (one each). */
    static GateTable of(Gate[] gates, Instant[] instants) {
        int width = 2 * gates.length + instants.length;
        double[] rows = new double[POINTS * width];
        for (int p = 0; p < POINTS; p++) {
            double v = voltage(p);
            int o = p * width;
            for (Gate g : gates) {
                rows[o++] = g.inf(v);
                rows[o++] = g.decay(v);
            }
            for (Instant s : instants) {
                rows[o++] = s.value(v);
            }
        }
        return new GateTable(gates.clone(), instants.clone(), rows, width);
    }

    static double voltage(int point) {
        return V_MIN_MV + point * DV_MV;
    }

    int width() {
        return width;
    }

    double[] rows() {
        return rows;
    }

    /** Offset of the row at or below {@code vMv}, or −1 outside the grid. */
    int row(double vMv) {
        double x = (vMv - V_MIN_MV) * (1 / DV_MV);
        if (!(x >= 0) || x >= POINTS - 1) {
            return -1;
        }
        return (int) x * width;
    }

    /** Where {@code vMv} lies between its row's grid point and the next, 0..1. */
    static double fraction(double vMv) {
        double x = (vMv - V_MIN_MV) * (1 / DV_MV);
        return x - Math.floor(x);
    }

    /** Column {@code column}'s exact value at {@code vMv}, from the functions the table was built from. */
    double exact(double vMv, int column) {
        if (column >= 2 * gates.length) {
            return instants[column - 2 * gates.length].value(vMv);
        }
        Gate g = gates[column / 2];
        return column % 2 == 0 ? g.inf(vMv) : g.decay(vMv);
    }

    /** Column {@code column} interpolated at {@code vMv} (inside the grid). */
    double at(double vMv, int column) {
        int o = row(vMv);
        double f = fraction(vMv);
        double lo = rows[o + column];
        return lo + f * (rows[o + width + column] - lo);
    }
}
