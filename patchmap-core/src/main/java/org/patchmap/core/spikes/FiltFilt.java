package org.patchmap.core.spikes;

import java.util.Arrays;

/**
 * scipy's {@code signal.filtfilt(b, a, x)} with its defaults (method 'pad', padtype 'odd',
 * padlen = 3·max(len(a), len(b))), the zero-phase filtering ipfx's {@code calculate_dvdt} applies
 * (spec section 2).
 * <p>
 * Hand-written: no Java library reproduces scipy's filtfilt (its odd extension, its
 * {@code lfilter_zi} initial conditions scaled by the first sample of each pass, and
 * {@code lfilter}'s transposed direct form II), and dV/dt must agree with ipfx's to well below the
 * spec's tolerances. The steps mirror scipy 1.17 ({@code _signaltools.filtfilt},
 * {@code _validate_pad}, {@code odd_ext}, {@code lfilter_zi}, and the C loop {@code DOUBLE_filt} of
 * {@code lfilter}); the output agrees with scipy to 1e-9 mV (FiltFiltTest).
 * <p>
 * One deliberate difference: scipy raises when the signal is not longer than padlen; here the
 * padding shrinks to {@code x.length - 1} samples (and a signal of fewer than 2 samples is
 * returned as is), so a very short sweep is filtered rather than failed.
 */
public final class FiltFilt {
    private FiltFilt() {
    }

    /**
     * Zero-phase filtered copy of {@code x}.
     *
     * @param b numerator, same length as {@code a}
     * @param a denominator, {@code a[0] != 0}
     */
    public static double[] apply(double[] b, double[] a, double[] x) {
        if (x.length < 2) {
            check(b, a);
            return x.clone();
        }
        Padded p = padded(b, a, x);
        return Arrays.copyOfRange(p.y(), p.offset(), p.offset() + x.length);
    }

    /**
     * The filtered signal still inside its padding: y[offset + k] is the filtered x[k], for
     * k in [0, x.length). Saves the copy of {@link #apply} for callers that only read it.
     */
    record Padded(double[] y, int offset) {
    }

    /** {@link #apply} without the final copy; x has at least 2 samples. */
    static Padded padded(double[] b, double[] a, double[] x) {
        check(b, a);
        int n = x.length;
        int order = a.length - 1;
        // lfilter normalises by a[0] (DOUBLE_filt); lfilter_zi does the same
        double[] bn = new double[a.length];
        double[] an = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            bn[i] = b[i] / a[0];
            an[i] = a[i] / a[0];
        }
        double[] zi = lfilterZi(bn, an);

        int edge = Math.min(3 * a.length, n - 1); // scipy: ntaps * 3; see the class comment for short x
        // odd_ext: [2 x0 - x[edge..1], x, 2 x[n-1] - x[n-2..n-1-edge]]
        double[] ext = new double[n + 2 * edge];
        double x0 = x[0];
        double xl = x[n - 1];
        for (int i = 0; i < edge; i++) {
            ext[i] = 2 * x0 - x[edge - i];
            ext[n + edge + i] = 2 * xl - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, edge, n);

        // forward: lfilter(b, a, ext, zi = zi * ext[0]); backward: lfilter(b, a, reversed y, zi = zi * y[-1])
        if (order == 4) {
            forward4(ext, bn, an, zi);
            backward4(ext, bn, an, zi);
        } else {
            forward(ext, bn, an, zi);
            backward(ext, bn, an, zi);
        }
        return new Padded(ext, edge);
    }

    private static void check(double[] b, double[] a) {
        if (b.length != a.length || a.length < 2 || a[0] == 0) {
            throw new IllegalArgumentException("filtfilt needs b and a of the same length >= 2 and a[0] != 0");
        }
    }

    /** lfilter's transposed direct form II over y in place, any order. */
    private static void forward(double[] y, double[] bn, double[] an, double[] zi) {
        int order = an.length - 1;
        double[] z = new double[order];
        double s = y[0];
        for (int i = 0; i < order; i++) {
            z[i] = zi[i] * s;
        }
        for (int k = 0; k < y.length; k++) {
            double xn = y[k];
            double yn = z[0] + bn[0] * xn;
            for (int i = 0; i < order - 1; i++) {
                z[i] = z[i + 1] + xn * bn[i + 1] - yn * an[i + 1];
            }
            z[order - 1] = xn * bn[order] - yn * an[order];
            y[k] = yn;
        }
    }

    private static void backward(double[] y, double[] bn, double[] an, double[] zi) {
        int order = an.length - 1;
        double[] z = new double[order];
        double s = y[y.length - 1];
        for (int i = 0; i < order; i++) {
            z[i] = zi[i] * s;
        }
        for (int k = y.length - 1; k >= 0; k--) {
            double xn = y[k];
            double yn = z[0] + bn[0] * xn;
            for (int i = 0; i < order - 1; i++) {
                z[i] = z[i + 1] + xn * bn[i + 1] - yn * an[i + 1];
            }
            z[order - 1] = xn * bn[order] - yn * an[order];
            y[k] = yn;
        }
    }

    /*
     * The 4-pole passes (the dV/dt filter) with the state in locals instead of an array: the same
     * operations in the same order as forward/backward, so the same bits, at a fraction of the cost
     * (the array version keeps its state in memory, and the JIT's quick tier does not unroll it).
     */

    private static void forward4(double[] y, double[] bn, double[] an, double[] zi) {
        double b0 = bn[0], b1 = bn[1], b2 = bn[2], b3 = bn[3], b4 = bn[4];
        double a1 = an[1], a2 = an[2], a3 = an[3], a4 = an[4];
        double s = y[0];
        double z0 = zi[0] * s, z1 = zi[1] * s, z2 = zi[2] * s, z3 = zi[3] * s;
        for (int k = 0; k < y.length; k++) {
            double xn = y[k];
            double yn = z0 + b0 * xn;
            z0 = z1 + xn * b1 - yn * a1;
            z1 = z2 + xn * b2 - yn * a2;
            z2 = z3 + xn * b3 - yn * a3;
            z3 = xn * b4 - yn * a4;
            y[k] = yn;
        }
    }

    private static void backward4(double[] y, double[] bn, double[] an, double[] zi) {
        double b0 = bn[0], b1 = bn[1], b2 = bn[2], b3 = bn[3], b4 = bn[4];
        double a1 = an[1], a2 = an[2], a3 = an[3], a4 = an[4];
        double s = y[y.length - 1];
        double z0 = zi[0] * s, z1 = zi[1] * s, z2 = zi[2] * s, z3 = zi[3] * s;
        for (int k = y.length - 1; k >= 0; k--) {
            double xn = y[k];
            double yn = z0 + b0 * xn;
            z0 = z1 + xn * b1 - yn * a1;
            z1 = z2 + xn * b2 - yn * a2;
            z2 = z3 + xn * b3 - yn * a3;
            z3 = xn * b4 - yn * a4;
            y[k] = yn;
        }
    }

    /**
     * scipy's {@code lfilter_zi} (a normalised, a[0] = 1): the state of {@code lfilter} in the
     * steady state of a unit step. scipy solves (I − companion(a)ᵀ) zi = b[1:] − a[1:]·b[0] with
     * LAPACK; this uses the explicit solution its source gives in a comment ("For future
     * reference: we could also use the following explicit formulas"), equal to rounding.
     */
    static double[] lfilterZi(double[] b, double[] a) {
        int n = a.length;
        double[] zi = new double[n - 1];
        double bSum = 0;
        double colSum = 1; // sum of IminusA[:, 0] = 1 + a[1] + ... + a[n-1]
        for (int k = 1; k < n; k++) {
            bSum += b[k] - a[k] * b[0];
            colSum += a[k];
        }
        zi[0] = bSum / colSum;
        double asum = 1.0;
        double csum = 0.0;
        for (int k = 1; k < n - 1; k++) {
            asum += a[k];
            csum += b[k] - a[k] * b[0];
            zi[k] = asum * zi[0] - csum;
        }
        return zi;
    }
}
