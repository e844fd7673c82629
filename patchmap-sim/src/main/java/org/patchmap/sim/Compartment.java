package org.patchmap.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * One membrane compartment integrated with exponential Euler (Rush–Larsen): each gate relaxes
 * exactly towards its steady state over a step with V held, then V relaxes exactly towards the
 * conductance-weighted reversal with the gates held. Both updates are unconditionally stable, so
 * the step is chosen for accuracy only (see the convergence test).
 *
 * <p>Gate rates scale by Q10 from {@link Kinetics#REFERENCE_C}; conductances do not. By default the
 * gates' steady states and per-step decay factors come from a {@link GateTable} built for this
 * compartment (shared by its copies); {@link Rates#EXACT} evaluates the rate functions every step.
 * Channels with zero conductance are not integrated.
 */
final class Compartment {
    /** How the gates' steady states and decay factors are obtained. */
    enum Rates {
        /** Interpolated in a {@link GateTable}; the exact rates outside its grid. */
        TABULATED,
        /** The rate functions, every step. */
        EXACT
    }

    private final Membrane m;
    private final double temperatureC;
    private final double dtMs;
    private final double phi;
    private final double phiM;
    private final double pAToDensity;
    private final Rates rates;
    /** Null with {@link Rates#EXACT}. */
    private final GateTable table;
    private final double[] rows;
    private final int width;
    // table columns of each gate's steady state (its decay factor is the next column); −1 when absent
    private final int colNa;
    private final int colNh;
    private final int colKn;
    private final int colKv3;
    private final int colA;
    private final int colB;
    private final int colP;
    private final int colHcn;
    private final int colU;
    private final int colS;
    private final int colQ;
    private final int colR;

    double v;
    private double na;
    private double nh;
    private double kn;
    private double kv3;
    private double a;
    private double b;
    private double p;
    private double hcn;
    private double u;
    private double q;
    private double r;

    Compartment(Membrane membrane, double temperatureC, double dtMs) {
        this(membrane, temperatureC, dtMs, Rates.TABULATED);
    }

    Compartment(Membrane membrane, double temperatureC, double dtMs, Rates rates) {
        this(membrane, temperatureC, dtMs, rates, null);
    }

    private Compartment(Membrane membrane, double temperatureC, double dtMs, Rates rates, GateTable shared) {
        this.m = membrane;
        this.temperatureC = temperatureC;
        this.dtMs = dtMs;
        this.rates = rates;
        this.phi = Math.pow(Kinetics.Q10, (temperatureC - Kinetics.REFERENCE_C) / 10);
        this.phiM = Math.pow(Kinetics.Q10_M, (temperatureC - Kinetics.REFERENCE_C) / 10);
        // pA → µA/cm²
        this.pAToDensity = 1e-6 / membrane.areaCm2();
        List<GateTable.Gate> gates = new ArrayList<>();
        int[] cols = new int[12];
        Arrays.fill(cols, -1);
        double dt = dtMs * phi;
        double vT = m.vT();
        cols[0] = add(gates, v -> Kinetics.alphaM(v - vT), v -> Kinetics.betaM(v - vT), dt);
        cols[1] = add(gates, v -> Kinetics.alphaH(v - vT), v -> Kinetics.betaH(v - vT), dt);
        cols[2] = add(gates, v -> Kinetics.alphaN(v - vT), v -> Kinetics.betaN(v - vT), dt);
        if (m.gKv3() > 0) {
            cols[3] = addTau(gates, Kinetics::kv3Inf, Kinetics::kv3Tau, dt);
        }
        if (m.gA() > 0) {
            cols[4] = addTau(gates, Kinetics::aInf, v -> Kinetics.A_TAU, dt);
            cols[5] = addTau(gates, Kinetics::bInf, v -> Kinetics.B_TAU, dt);
        }
        if (m.gM() > 0) {
            double tauMax = m.tauMaxMMs();
            cols[6] = addTau(gates, Kinetics::pInf, v -> Kinetics.pTau(v, tauMax), dtMs * phiM);
        }
        if (m.gH() > 0) {
            cols[7] = addTau(gates, Kinetics::hcnInf, Kinetics::hcnTau, dt);
        }
        double vX = m.vX();
        if (m.gT() > 0) {
            cols[8] = addTau(gates, v -> Kinetics.uInf(v, vX), v -> Kinetics.uTau(v, vX), dt);
        }
        if (m.gL() > 0) {
            cols[10] = add(gates, Kinetics::alphaQ, Kinetics::betaQ, dt);
            cols[11] = add(gates, Kinetics::alphaR, Kinetics::betaR, dt);
        }
        if (m.gT() > 0) {
            cols[9] = 2 * gates.size(); // the T current's instantaneous activation follows the gates
        }
        colNa = cols[0];
        colNh = cols[1];
        colKn = cols[2];
        colKv3 = cols[3];
        colA = cols[4];
        colB = cols[5];
        colP = cols[6];
        colHcn = cols[7];
        colU = cols[8];
        colS = cols[9];
        colQ = cols[10];
        colR = cols[11];
        if (rates == Rates.EXACT) {
            table = null;
        } else if (shared != null) {
            table = shared;
        } else {
            GateTable.Instant[] instants = m.gT() > 0
                    ? new GateTable.Instant[]{v -> Kinetics.sInf(v, vX)} : new GateTable.Instant[0];
            table = GateTable.of(gates.toArray(GateTable.Gate[]::new), instants);
        }
        this.rows = table == null ? null : table.rows();
        this.width = table == null ? 0 : table.width();
        setSteadyState(membrane.eLeak());
    }

    /** An α/β gate; returns its steady-state column. */
    private static int add(List<GateTable.Gate> gates, DoubleUnaryOperator alpha, DoubleUnaryOperator beta,
                           double dt) {
        gates.add(new GateTable.Gate() {
            @Override
            public double inf(double v) {
                double a = alpha.applyAsDouble(v);
                return a / (a + beta.applyAsDouble(v));
            }

            @Override
            public double decay(double v) {
                return Math.exp(-dt * (alpha.applyAsDouble(v) + beta.applyAsDouble(v)));
            }
        });
        return 2 * (gates.size() - 1);
    }

    /** A steady-state/τ gate; returns its steady-state column. */
    private static int addTau(List<GateTable.Gate> gates, DoubleUnaryOperator inf, DoubleUnaryOperator tau,
                              double dt) {
        gates.add(new GateTable.Gate() {
            @Override
            public double inf(double v) {
                return inf.applyAsDouble(v);
            }

            @Override
            public double decay(double v) {
                return Math.exp(-dt / tau.applyAsDouble(v));
            }
        });
        return 2 * (gates.size() - 1);
    }

    /** The table this compartment reads (null with exact rates). */
    GateTable table() {
        return table;
    }

    /** All gates at their steady state for {@code vMv}. */
    void setSteadyState(double vMv) {
        v = vMv;
        double uu = v - m.vT();
        na = Kinetics.alphaM(uu) / (Kinetics.alphaM(uu) + Kinetics.betaM(uu));
        nh = Kinetics.alphaH(uu) / (Kinetics.alphaH(uu) + Kinetics.betaH(uu));
        kn = Kinetics.alphaN(uu) / (Kinetics.alphaN(uu) + Kinetics.betaN(uu));
        kv3 = Kinetics.kv3Inf(v);
        a = Kinetics.aInf(v);
        b = Kinetics.bInf(v);
        p = Kinetics.pInf(v);
        hcn = Kinetics.hcnInf(v);
        u = Kinetics.uInf(v, m.vX());
        q = Kinetics.alphaQ(v) / (Kinetics.alphaQ(v) + Kinetics.betaQ(v));
        r = Kinetics.alphaR(v) / (Kinetics.alphaR(v) + Kinetics.betaR(v));
    }

    /** A copy in the same state, to start each sweep from one settled cell. */
    Compartment copy() {
        Compartment c = new Compartment(m, temperatureC, dtMs, rates, table);
        c.restore(this);
        return c;
    }

    private void restore(Compartment o) {
        v = o.v;
        na = o.na;
        nh = o.nh;
        kn = o.kn;
        kv3 = o.kv3;
        a = o.a;
        b = o.b;
        p = o.p;
        hcn = o.hcn;
        u = o.u;
        q = o.q;
        r = o.r;
    }

    private static double relax(double x, double alpha, double beta, double dt) {
        double sum = alpha + beta;
        double inf = alpha / sum;
        return inf + (x - inf) * Math.exp(-dt * sum);
    }

    private static double relaxTau(double x, double inf, double tau, double dt) {
        return inf + (x - inf) * Math.exp(-dt / tau);
    }

    /** Advances one step with {@code injectedPa} flowing into the cell. */
    void step(double injectedPa) {
        if (rows == null) {
            stepExact(injectedPa);
            return;
        }
        double x = (v - GateTable.V_MIN_MV) * (1 / GateTable.DV_MV);
        if (!(x >= 0) || x >= GateTable.POINTS - 1) {
            stepExact(injectedPa);
            return;
        }
        int i = (int) x;
        double f = x - i;
        int o = i * width;
        na = advance(na, o, colNa, f);
        nh = advance(nh, o, colNh, f);
        kn = advance(kn, o, colKn, f);
        double g = m.gLeak();
        double ge = m.gLeak() * m.eLeak();
        double gNa = m.gNa() * na * na * na * nh;
        double gK = m.gKd() * kn * kn * kn * kn;
        if (colKv3 >= 0) {
            kv3 = advance(kv3, o, colKv3, f);
            gK += m.gKv3() * kv3 * kv3;
        }
        if (colA >= 0) {
            a = advance(a, o, colA, f);
            b = advance(b, o, colB, f);
            gK += m.gA() * a * a * a * b;
        }
        if (colP >= 0) {
            p = advance(p, o, colP, f);
            gK += m.gM() * p;
        }
        double gH = 0;
        if (colHcn >= 0) {
            hcn = advance(hcn, o, colHcn, f);
            gH = m.gH() * hcn;
        }
        double gCa = 0;
        if (colU >= 0) {
            u = advance(u, o, colU, f);
            double s = lerp(o, colS, f);
            gCa += m.gT() * s * s * u;
        }
        if (colQ >= 0) {
            q = advance(q, o, colQ, f);
            r = advance(r, o, colR, f);
            gCa += m.gL() * q * q * r;
        }
        g += gNa + gK + gH + gCa;
        ge += gNa * Membrane.E_NA + gK * Membrane.E_K + gH * Membrane.E_H + gCa * Membrane.E_CA;
        double vInf = (ge + injectedPa * pAToDensity) / g;
        v = vInf + (v - vInf) * Math.exp(-dtMs * g / m.capacitanceUfCm2());
    }

    private double lerp(int row, int column, double f) {
        double lo = rows[row + column];
        return lo + f * (rows[row + width + column] - lo);
    }

    /** Gate {@code x} relaxed over one step towards the tabulated steady state by the tabulated factor. */
    private double advance(double x, int row, int column, double f) {
        double inf = lerp(row, column, f);
        return inf + (x - inf) * lerp(row, column + 1, f);
    }

    /** One step with every rate function evaluated at V. */
    private void stepExact(double injectedPa) {
        double dt = dtMs * phi;
        double uu = v - m.vT();
        na = relax(na, Kinetics.alphaM(uu), Kinetics.betaM(uu), dt);
        nh = relax(nh, Kinetics.alphaH(uu), Kinetics.betaH(uu), dt);
        kn = relax(kn, Kinetics.alphaN(uu), Kinetics.betaN(uu), dt);
        double g = m.gLeak();
        double ge = m.gLeak() * m.eLeak();
        double gNa = m.gNa() * na * na * na * nh;
        double gK = m.gKd() * kn * kn * kn * kn;
        if (m.gKv3() > 0) {
            kv3 = relaxTau(kv3, Kinetics.kv3Inf(v), Kinetics.kv3Tau(v), dt);
            gK += m.gKv3() * kv3 * kv3;
        }
        if (m.gA() > 0) {
            a = relaxTau(a, Kinetics.aInf(v), Kinetics.A_TAU, dt);
            b = relaxTau(b, Kinetics.bInf(v), Kinetics.B_TAU, dt);
            gK += m.gA() * a * a * a * b;
        }
        if (m.gM() > 0) {
            p = relaxTau(p, Kinetics.pInf(v), Kinetics.pTau(v, m.tauMaxMMs()), dtMs * phiM);
            gK += m.gM() * p;
        }
        double gH = 0;
        if (m.gH() > 0) {
            hcn = relaxTau(hcn, Kinetics.hcnInf(v), Kinetics.hcnTau(v), dt);
            gH = m.gH() * hcn;
        }
        double gCa = 0;
        if (m.gT() > 0) {
            u = relaxTau(u, Kinetics.uInf(v, m.vX()), Kinetics.uTau(v, m.vX()), dt);
            double s = Kinetics.sInf(v, m.vX());
            gCa += m.gT() * s * s * u;
        }
        if (m.gL() > 0) {
            q = relax(q, Kinetics.alphaQ(v), Kinetics.betaQ(v), dt);
            r = relax(r, Kinetics.alphaR(v), Kinetics.betaR(v), dt);
            gCa += m.gL() * q * q * r;
        }
        g += gNa + gK + gH + gCa;
        ge += gNa * Membrane.E_NA + gK * Membrane.E_K + gH * Membrane.E_H + gCa * Membrane.E_CA;
        double vInf = (ge + injectedPa * pAToDensity) / g;
        v = vInf + (v - vInf) * Math.exp(-dtMs * g / m.capacitanceUfCm2());
    }
}
