package org.patchmap.core.map;

/**
 * x^b for one fixed b, for the UMAP layout, where {@code Math.pow} would take half of the optimisation's time
 * (two powers per sample, hundreds of millions of samples). x = 2^e · m with m in [1, 2), so
 * x^b = (2^b)^e · m^b: one table per exponent and one of m^b on 1024 steps of [1, 2), linearly interpolated.
 * Relative error below 10⁻⁶ for b in 0.5..2 (tested against Math.pow), far below what stochastic gradient steps notice; plain
 * arithmetic on table values, so the same bits on every JVM and CPU.
 */
final class FastPow {
    private static final int STEPS = 1024;
    private static final long MANTISSA = 0xFFFFFFFFFFFFFL;
    private final double[] exponent = new double[2048];
    private final double[] mantissa = new double[STEPS + 1];

    FastPow(double b) {
        for (int e = 0; e < exponent.length; e++) {
            exponent[e] = Math.pow(2, b * (e - 1023));
        }
        for (int s = 0; s <= STEPS; s++) {
            mantissa[s] = Math.pow(1 + (double) s / STEPS, b);
        }
    }

    /** x^b for x ≥ 0 (0 for x below the smallest normal double). */
    double pow(double x) {
        if (x < Double.MIN_NORMAL) {
            return 0;
        }
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52); // x ≥ 0: no sign bit
        double pos = (bits & MANTISSA) * (STEPS / (double) (1L << 52)); // (m − 1) · STEPS
        int s = (int) pos;
        double frac = pos - s;
        double mb = mantissa[s] + frac * (mantissa[s + 1] - mantissa[s]);
        return exponent[e] * mb;
    }
}
