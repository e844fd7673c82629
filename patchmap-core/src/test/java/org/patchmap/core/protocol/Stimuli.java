package org.patchmap.core.protocol;

import org.patchmap.core.sweep.Sweep;

import java.util.Random;

/** Synthetic stimulus currents modelled on the real files' protocols. */
final class Stimuli {
    final double rateHz;
    final double[] i;

    private Stimuli(double rateHz, double durationS) {
        this.rateHz = rateHz;
        this.i = new double[(int) Math.round(durationS * rateHz)];
    }

    static Stimuli of(double rateHz, double durationS) {
        return new Stimuli(rateHz, durationS);
    }

    int idx(double t) {
        return (int) Math.round(t * rateHz);
    }

    /** Everything at {@code pa}. */
    Stimuli constant(double pa) {
        java.util.Arrays.fill(i, pa);
        return this;
    }

    /** {@code pa} over [from, to) s (ideal edges), replacing what was there. */
    Stimuli level(double from, double to, double pa) {
        for (int k = idx(from); k < Math.min(i.length, idx(to)); k++) {
            i[k] = pa;
        }
        return this;
    }

    /** Adds {@code pa} over [from, to) s. */
    Stimuli add(double from, double to, double pa) {
        for (int k = idx(from); k < Math.min(i.length, idx(to)); k++) {
            i[k] += pa;
        }
        return this;
    }

    /** A linear ramp from {@code fromPa} to {@code toPa} over [from, to) s, added. */
    Stimuli ramp(double from, double to, double fromPa, double toPa) {
        int a = idx(from);
        int b = idx(to);
        for (int k = a; k < b; k++) {
            i[k] += fromPa + (toPa - fromPa) * (k - a) / (double) (b - a);
        }
        return this;
    }

    /** A sine chirp of amplitude {@code pa}, frequency f0 → f1 linearly over [from, to), added. */
    Stimuli chirp(double from, double to, double pa, double f0, double f1) {
        int a = idx(from);
        int b = idx(to);
        double len = (to - from);
        for (int k = a; k < b; k++) {
            double t = (k - a) / rateHz;
            i[k] += pa * Math.sin(2 * Math.PI * (f0 * t + (f1 - f0) * t * t / (2 * len)));
        }
        return this;
    }

    /** White noise of σ {@code pa} over [from, to), added. */
    Stimuli noise(double from, double to, double pa, Random rnd) {
        for (int k = idx(from); k < Math.min(i.length, idx(to)); k++) {
            i[k] += pa * rnd.nextGaussian();
        }
        return this;
    }

    /** Zero-phase Gaussian smoothing, σ in ms (a low-pass filtered command). */
    Stimuli smooth(double sigmaMs) {
        double sigma = sigmaMs * rateHz / 1000;
        int half = (int) Math.ceil(4 * sigma);
        double[] w = new double[2 * half + 1];
        double sum = 0;
        for (int k = -half; k <= half; k++) {
            w[k + half] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += w[k + half];
        }
        double[] out = new double[i.length];
        for (int n = 0; n < i.length; n++) {
            double acc = 0;
            for (int k = -half; k <= half; k++) {
                int j = Math.max(0, Math.min(i.length - 1, n + k));
                acc += w[k + half] * i[j];
            }
            out[n] = acc / sum;
        }
        System.arraycopy(out, 0, i, 0, i.length);
        return this;
    }

    /** Recorded-current realism: DC offset, noise (white σ plus slow 1-pole coloured part) and brief transients. */
    Stimuli recorded(double offsetPa, double noisePa, int transients, Random rnd) {
        double slow = 0;
        double a = Math.exp(-1.0 / (0.0005 * rateHz));
        for (int k = 0; k < i.length; k++) {
            slow = a * slow + Math.sqrt(1 - a * a) * rnd.nextGaussian() * noisePa;
            i[k] += offsetPa + 0.5 * slow + noisePa * rnd.nextGaussian();
        }
        for (int s = 0; s < transients; s++) {
            int at = rnd.nextInt(i.length - 100);
            int len = 1 + rnd.nextInt((int) Math.round(0.0015 * rateHz)); // ≤ 1.5 ms
            double amp = (rnd.nextBoolean() ? 1 : -1) * (20 + 40 * rnd.nextDouble());
            for (int k = at; k < at + len; k++) {
                i[k] += amp * Math.sin(Math.PI * (k - at + 0.5) / len);
            }
        }
        return this;
    }

    Sweep sweep(int number) {
        return new Sweep(number, "sweep " + number, rateHz, new double[i.length], i.clone());
    }
}
