package org.patchmap.core.spikes;

import java.util.Locale;

/**
 * The digital 4-pole low-pass Bessel filter of spec section 2, designed exactly as scipy's
 * {@code scipy.signal.bessel(4, Wn, 'low')} does (norm='phase', digital, Wn = cutoff / Nyquist):
 * analog prototype poles ({@code besselap(4, 'phase')}), frequency prewarping with fs = 2,
 * {@code lp2lp_zpk}, {@code bilinear_zpk}, {@code zpk2tf} → transfer function b, a.
 * <p>
 * Hand-written: no Java library designs scipy's Bessel filter (or applies its {@code filtfilt},
 * see {@link FiltFilt}), and the dV/dt, hence every threshold and upstroke, must agree with ipfx,
 * which uses scipy. The steps below follow scipy 1.17's {@code iirfilter} line by line; the
 * coefficients agree with scipy to 1e-12 relative (BesselFilterTest).
 *
 * @param cutoffHz       the cutoff (scipy's 'phase' normalisation: the phase response's midpoint), Hz
 * @param samplingRateHz the sampling rate, Hz
 * @param b             numerator coefficients (5)
 * @param a             denominator coefficients (5, a[0] = 1)
 */
public record BesselFilter(double cutoffHz, double samplingRateHz, double[] b, double[] a) {
    public BesselFilter {
        b = b.clone();
        a = a.clone();
    }

    /** Filter order (ipfx: {@code signal.bessel(4, ...)}). */
    public static final int ORDER = 4;
    /** ipfx's default dV/dt filter cutoff, Hz ({@code filter=10.} kHz). */
    public static final double DEFAULT_CUTOFF_HZ = 10_000.0;
    /** The cutoff is capped at this fraction of Nyquist (ipfx would fail; spec section 2). */
    public static final double MAX_FRACTION_OF_NYQUIST = 0.8;

    /*
     * Analog prototype poles of scipy.signal.besselap(4, 'phase') (scipy 1.17.1), in scipy's order:
     *   (-0.6572111716718827+0.830161435004873j), (-0.9047587967882447+0.27091873300387465j),
     *   (-0.9047587967882447-0.27091873300387465j), (-0.6572111716718827-0.830161435004873j); k = 1.
     */
    private static final double[] PROTO_RE = {-0.6572111716718827, -0.9047587967882447, -0.9047587967882447,
            -0.6572111716718827};
    private static final double[] PROTO_IM = {0.830161435004873, 0.27091873300387465, -0.27091873300387465,
            -0.830161435004873};

    /**
     * The dV/dt filter for a sampling rate (spec section 2): cutoff min(10 kHz, 0.8 × Nyquist).
     */
    public static BesselFilter forDvdt(double samplingRateHz) {
        return lowPass(Math.min(DEFAULT_CUTOFF_HZ, MAX_FRACTION_OF_NYQUIST * samplingRateHz / 2), samplingRateHz);
    }

    /** {@code scipy.signal.bessel(4, cutoffHz / (samplingRateHz / 2), 'low')}. */
    public static BesselFilter lowPass(double cutoffHz, double samplingRateHz) {
        double wn = cutoffHz / (samplingRateHz / 2.0);
        if (!(wn > 0 && wn < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Bessel cutoff %s Hz must lie strictly between 0 and the Nyquist frequency %s Hz",
                    cutoffHz, samplingRateHz / 2.0));
        }
        // iirfilter: pre-warp with fs = 2
        double fs = 2.0;
        double warped = 2 * fs * Math.tan(Math.PI * wn / fs);
        // lp2lp_zpk: p * wo, k * wo^degree (no zeros, degree 4)
        double[] pRe = new double[ORDER];
        double[] pIm = new double[ORDER];
        for (int i = 0; i < ORDER; i++) {
            pRe[i] = warped * PROTO_RE[i];
            pIm[i] = warped * PROTO_IM[i];
        }
        double k = 1.0 * Math.pow(warped, ORDER);
        // bilinear_zpk: fs2 = 2 fs; p_z = (fs2 + p) / (fs2 - p); zeros at -1; k * real(prod(fs2 - z) / prod(fs2 - p))
        double fs2 = 2.0 * fs;
        double[] zRe = new double[ORDER];
        double[] zIm = new double[ORDER];
        double prodRe = 1;
        double prodIm = 0;
        for (int i = 0; i < ORDER; i++) {
            double nRe = fs2 + pRe[i];
            double nIm = pIm[i];
            double dRe = fs2 - pRe[i];
            double dIm = -pIm[i];
            double den = dRe * dRe + dIm * dIm;
            zRe[i] = (nRe * dRe + nIm * dIm) / den;
            zIm[i] = (nIm * dRe - nRe * dIm) / den;
            double r = prodRe * dRe - prodIm * dIm; // prod(fs2 - p), in scipy's order
            prodIm = prodRe * dIm + prodIm * dRe;
            prodRe = r;
        }
        // prod(fs2 - z) over no zeros = 1; real(1 / prod)
        double kz = k * (prodRe / (prodRe * prodRe + prodIm * prodIm));
        // zpk2tf: b = k * poly(-1, -1, -1, -1); a = real(poly(p_z))
        double[] b = poly(new double[]{-1, -1, -1, -1}, new double[ORDER]);
        for (int i = 0; i <= ORDER; i++) {
            b[i] *= kz;
        }
        double[] a = poly(zRe, zIm);
        return new BesselFilter(cutoffHz, samplingRateHz, b, a);
    }

    /**
     * numpy's {@code poly}: coefficients of prod (x - root), by successive convolution with
     * [1, -root] in the roots' order; the real part (the roots are conjugate pairs).
     */
    private static double[] poly(double[] re, double[] im) {
        int n = re.length;
        double[] cRe = new double[n + 1];
        double[] cIm = new double[n + 1];
        cRe[0] = 1;
        for (int r = 0; r < n; r++) {
            // c_new[j] = c[j] * 1 + c[j-1] * (-root), from the top down so c[j-1] is still old
            for (int j = r + 1; j >= 1; j--) {
                double mRe = -(cRe[j - 1] * re[r] - cIm[j - 1] * im[r]);
                double mIm = -(cRe[j - 1] * im[r] + cIm[j - 1] * re[r]);
                cRe[j] = cRe[j] + mRe;
                cIm[j] = cIm[j] + mIm;
            }
        }
        return cRe;
    }

    /** Zero-phase filtering with this filter, as scipy's {@code filtfilt(b, a, x)}. */
    public double[] filtfilt(double[] x) {
        return FiltFilt.apply(b, a, x);
    }

    /** Record accessor returning a copy (the record must stay immutable). */
    @Override
    public double[] b() {
        return b.clone();
    }

    /** Record accessor returning a copy (the record must stay immutable). */
    @Override
    public double[] a() {
        return a.clone();
    }
}
