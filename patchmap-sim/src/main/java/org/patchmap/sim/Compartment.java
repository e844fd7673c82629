package org.patchmap.sim;

/**
 * One membrane compartment integrated with exponential Euler (Rush–Larsen): each gate relaxes
 * exactly towards its steady state over a step with V held, then V relaxes exactly towards the
 * conductance-weighted reversal with the gates held. Both updates are unconditionally stable, so
 * the step is chosen for accuracy only (see the convergence test).
 *
 * <p>Gate rates scale by Q10 from {@link Kinetics#REFERENCE_C}; conductances do not.
 */
final class Compartment {
    private final Membrane m;
    private final double temperatureC;
    private final double dtMs;
    private final double phi;
    private final double phiM;
    private final double pAToDensity;

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
        this.m = membrane;
        this.temperatureC = temperatureC;
        this.dtMs = dtMs;
        this.phi = Math.pow(Kinetics.Q10, (temperatureC - Kinetics.REFERENCE_C) / 10);
        this.phiM = Math.pow(Kinetics.Q10_M, (temperatureC - Kinetics.REFERENCE_C) / 10);
        // pA → µA/cm²
        this.pAToDensity = 1e-6 / membrane.areaCm2();
        setSteadyState(membrane.eLeak());
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
        Compartment c = new Compartment(m, temperatureC, dtMs);
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
