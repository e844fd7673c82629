package org.patchmap.sim;

/**
 * Gate kinetics at the reference temperature {@value #REFERENCE_C} °C, rates in 1/ms. The Na, Kd,
 * M, T and L forms are Pospischil et al. 2008's (Biol Cybern 99:427, eqs. for I_Na, I_Kd, I_M,
 * I_T, I_L); the A-type form is Golomb et al. 2007's slowly inactivating K (PLoS Comput Biol
 * 3:e156), which gives the delayed first spike; Kv3 and HCN are generic Boltzmann forms in the
 * range reported for those channels (Kv3: half-activation near −5 mV, sub-millisecond kinetics;
 * HCN: half-activation near −82 mV, τ tens of ms).
 */
final class Kinetics {
    static final double REFERENCE_C = 36.0;
    static final double Q10 = 3.0;
    static final double Q10_M = 2.3;

    private Kinetics() {
    }

    /** x / (exp(x / k) − 1), continuous at x = 0. */
    static double vtrap(double x, double k) {
        double r = x / k;
        if (Math.abs(r) < 1e-6) {
            return k * (1 - r / 2);
        }
        return x / Math.expm1(r);
    }

    static double boltzmann(double v, double half, double slope) {
        return 1.0 / (1.0 + Math.exp(-(v - half) / slope));
    }

    // Transient Na and delayed rectifier K, u = V − V_T.
    static double alphaM(double u) {
        return 0.32 * vtrap(13 - u, 4);
    }

    static double betaM(double u) {
        return 0.28 * vtrap(u - 40, 5);
    }

    static double alphaH(double u) {
        return 0.128 * Math.exp((17 - u) / 18);
    }

    static double betaH(double u) {
        return 4.0 / (1 + Math.exp((40 - u) / 5));
    }

    static double alphaN(double u) {
        return 0.032 * vtrap(15 - u, 5);
    }

    static double betaN(double u) {
        return 0.5 * Math.exp((10 - u) / 40);
    }

    // Kv3: fast, activating only on the spike.
    static double kv3Inf(double v) {
        return boltzmann(v, -5, 9);
    }

    static double kv3Tau(double v) {
        return 0.1 + 0.5 / (1 + Math.exp((v + 20) / 10));
    }

    // A-type (Golomb et al. 2007): a³b, τ_a 2 ms, τ_b 150 ms.
    static double aInf(double v) {
        return boltzmann(v, -50, 20);
    }

    static final double A_TAU = 2.0;

    static double bInf(double v) {
        return 1.0 / (1 + Math.exp((v + 70) / 6));
    }

    static final double B_TAU = 150.0;

    // M (Pospischil et al. 2008).
    static double pInf(double v) {
        return boltzmann(v, -35, 10);
    }

    static double pTau(double v, double tauMax) {
        return tauMax / (3.3 * Math.exp((v + 35) / 20) + Math.exp(-(v + 35) / 20));
    }

    // HCN.
    static double hcnInf(double v) {
        return 1.0 / (1 + Math.exp((v + 82) / 7));
    }

    static double hcnTau(double v) {
        double x = (v + 75) / 20;
        return 30 + 120 * Math.exp(-x * x);
    }

    // T-type Ca (Pospischil et al. 2008, after Destexhe et al. 1996): s instantaneous.
    static double sInf(double v, double vX) {
        return 1.0 / (1 + Math.exp(-(v + vX + 57) / 6.2));
    }

    static double uInf(double v, double vX) {
        return 1.0 / (1 + Math.exp((v + vX + 81) / 4));
    }

    static double uTau(double v, double vX) {
        return (30.8 + (211.4 + Math.exp((v + vX + 113.2) / 5)) / (1 + Math.exp((v + vX + 84) / 3.2))) / 3.7;
    }

    // L-type Ca (Pospischil et al. 2008, after Reuveni et al. 1993).
    static double alphaQ(double v) {
        return 0.055 * vtrap(-27 - v, 3.8);
    }

    static double betaQ(double v) {
        return 0.94 * Math.exp((-75 - v) / 17);
    }

    static double alphaR(double v) {
        return 0.000457 * Math.exp((-13 - v) / 50);
    }

    static double betaR(double v) {
        return 0.0065 / (Math.exp((-15 - v) / 28) + 1);
    }
}
