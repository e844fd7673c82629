package org.patchmap.core.spikes;

import org.patchmap.core.sweep.Sweep;

import java.util.Arrays;
import java.util.Locale;

/**
 * dV/dt of a whole sweep (spec section 2; ipfx {@code feature_extractor.calculate_dvdt}): v filtered
 * with the 4-pole Bessel low-pass (cutoff min(10 kHz, 0.8 × Nyquist)) forward and backward, then the
 * forward difference divided by dt, in V/s (= mV/ms); length N − 1. Computed once over the whole
 * sweep, never over a window (that would move the filter's edges).
 */
public final class Dvdt {
    private Dvdt() {
    }

    /**
     * dV/dt of the sweep's recorded voltage (see {@link #recordedLength}) with the spec's filter.
     *
     * @throws IllegalArgumentException for a NaN or infinite sample inside the recorded part
     */
    public static double[] of(Sweep sweep) {
        int n = recordedLength(sweep);
        double[] v = n == sweep.voltageMv().length ? sweep.voltageMv() : Arrays.copyOf(sweep.voltageMv(), n);
        return of(v, sweep.samplingRateHz(), BesselFilter.forDvdt(sweep.samplingRateHz()));
    }

    /** dV/dt of {@code vMv} sampled at {@code rateHz}, filtered with {@code filter}. */
    public static double[] of(double[] vMv, double rateHz, BesselFilter filter) {
        if (vMv.length < 2) {
            return new double[0];
        }
        // the filtered v is read where filtfilt left it, inside its padding: no copy of the trace
        FiltFilt.Padded vf = FiltFilt.padded(filter.b(), filter.a(), vMv);
        double[] y = vf.y();
        int o = vf.offset();
        double[] out = new double[vMv.length - 1];
        double dt = 1.0 / rateHz;
        for (int k = 0; k < out.length; k++) {
            // ipfx: 1e-3 * np.diff(v_filt) / np.diff(t), t = np.arange(n) * dt
            out[k] = 1e-3 * (y[o + k + 1] - y[o + k]) / ((k + 1) * dt - k * dt);
        }
        return out;
    }

    /**
     * The number of recorded samples: a trailing run of NaN samples (a recording that ended before
     * the sweep's nominal length, as MIES pads its NWB sweeps) is cut off, as ipfx crops a sweep
     * to its "recording" epoch. A NaN or infinite sample anywhere before it would spread through
     * the IIR filter over the whole sweep: an error naming the sweep and the sample.
     */
    static int recordedLength(Sweep sweep) {
        double[] v = sweep.voltageMv();
        int n = v.length;
        while (n > 0 && Double.isNaN(v[n - 1])) {
            n--;
        }
        if (n == 0 && v.length > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sweep %s: every voltage sample is NaN; spikes cannot be detected", sweep.label()));
        }
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(v[k])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sweep %s: voltage sample %d (t = %.6f s) is %s; spikes cannot be detected",
                        sweep.label(), k, k / sweep.samplingRateHz(), v[k]));
            }
        }
        return n;
    }
}
