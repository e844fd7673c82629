package org.patchmap.core.recording.nwb;

import io.jhdf.api.Dataset;
import org.patchmap.core.numeric.Stats;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * The samples of one series in the pipeline's units: {@code data} times its {@code conversion}
 * plus its {@code offset} gives values in the dataset's {@code unit} (integer data included, as
 * NeuroConv and MIES write it), which are then scaled to mV or pA. The sampling rate is the
 * {@code rate} attribute of {@code starting_time} (its value, the start time, is not used: some
 * converters write a constant there), else 1 / the median step of {@code timestamps} (to 0.001 Hz).
 * <p>
 * Plausibility bounds, so that a wrong unit or conversion is an error and not a silent
 * thousand-fold mistake (each is far outside what a real recording gives, so noisy or oddly
 * offset real data such as 99111002.nwb still passes):
 * <ul>
 * <li>membrane potential: median |v| above 1000 mV (no membrane sits at a volt: mV stored as
 * "V");</li>
 * <li>current: median |i| above 1e6 pA (1 µA).</li>
 * </ul>
 * The opposite mistake (volts stored as "mV", amperes as "pA") is judged over the whole file by
 * {@link NwbReader}, from {@link Values#peak()}: one series that stays near 0 is normal (a 0 pA
 * step is float noise around 0 in 99111002.nwb), every series of the file doing so is not.
 */
final class SeriesData {
    /** Samples of one series this reader accepts (two double arrays of this many per sweep: 800 MB). */
    static final long MAX_SAMPLES = 50_000_000L;
    static final double MAX_MEDIAN_MV = 1000;
    /** A file whose every response varies but stays within ±0.25 mV is in volts, whatever it says. */
    static final double MIN_PEAK_MV = 0.25;
    static final double MAX_MEDIAN_PA = 1e6;
    /** A file whose every stimulus varies but stays within ±0.001 pA is in amperes, whatever it says. */
    static final double MIN_PEAK_PA = 1e-3;
    static final double MIN_RATE_HZ = 1;
    static final double MAX_RATE_HZ = 1e7;
    private static final int MEDIAN_SAMPLE = 4001;

    /**
     * Converted samples and what the file-level unit check needs.
     *
     * @param rateHz    sampling rate, NaN when the series states none
     * @param peak      largest |value| (0 when all NaN)
     * @param varies    whether the values are not all equal
     * @param described "series 'name' (unit 'u', conversion c)", for messages
     */
    record Values(double[] values, double rateHz, double peak, boolean varies, String described) {
    }

    private SeriesData() {
    }

    /**
     * Samples [start, start + count) of the series (count -1: all), in mV when {@code voltage},
     * else in pA.
     */
    static Values read(Series s, long start, long count, boolean voltage) throws BadNwbException {
        Dataset data = Hdf.childDataset(s.group(), "data");
        if (data == null) {
            throw new BadNwbException("series '" + s.name() + "' has no data");
        }
        long total = length(s, data);
        if (count < 0) {
            start = 0;
            count = total;
        }
        if (start < 0 || start > total || count > total - start) {
            throw new BadNwbException("series '" + s.name() + "': the icephys table selects samples [" + start + ", "
                    + (start + count) + ") of " + total);
        }
        if (count > MAX_SAMPLES) {
            throw new BadNwbException("series '" + s.name() + "' has " + count + " samples: larger than this reader "
                    + "accepts (" + MAX_SAMPLES + ")");
        }
        String unit = Hdf.attributeText(data, "unit");
        double factor = voltage ? Units.toMillivolts(unit) : Units.toPicoamperes(unit);
        if (Double.isNaN(factor)) {
            throw new BadNwbException("series '" + s.name() + "' has " + (unit == null ? "no unit" : "unit '" + unit + "'")
                    + ", expected " + (voltage ? Units.EXPECTED_VOLTAGE : Units.EXPECTED_CURRENT));
        }
        double conversion = attribute(s, data, "conversion", 1);
        double offset = attribute(s, data, "offset", 0);
        double[] values;
        if (count == total || data.getDimensions().length != 1) {
            values = convert(s, Hdf.dataFlat(data, 3), conversion * factor, offset * factor, (int) total);
            if (count != total) {
                values = Arrays.copyOfRange(values, (int) start, (int) (start + count));
            }
        } else {
            Object raw = Hdf.dataSlice(data, start, (int) count);
            values = convert(s, raw, conversion * factor, offset * factor, (int) count);
        }
        return check(s, values, voltage, unit, conversion, rate(s, start, count));
    }

    private static long length(Series s, Dataset data) throws BadNwbException {
        if (data.isCompound() || data.isVariableLength() || data.isScalar()) {
            throw new BadNwbException("series '" + s.name() + "' data is not an array of numbers");
        }
        long[] dims = data.getDimensionsAsLong();
        long n = 1;
        int bigDims = 0;
        for (long d : dims) {
            if (d < 0) {
                throw new BadNwbException("series '" + s.name() + "' data has shape " + Arrays.toString(dims));
            }
            if (d != 1) {
                bigDims++;
            }
            n = d == 0 ? 0 : (n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d);
        }
        if (bigDims > 1 || dims.length > 1 && n > MAX_SAMPLES) {
            throw new BadNwbException("series '" + s.name() + "' data has shape " + Arrays.toString(dims)
                    + ": expected one trace");
        }
        if (n > MAX_SAMPLES) {
            throw new BadNwbException("series '" + s.name() + "' has " + n + " samples: larger than this reader "
                    + "accepts (" + MAX_SAMPLES + ")");
        }
        return n;
    }

    private static double attribute(Series s, Dataset data, String name, double absent) throws BadNwbException {
        if (!Hdf.hasAttribute(data, name)) {
            return absent;
        }
        Double x = Hdf.attributeNumber(data, name);
        if (x == null || !Double.isFinite(x) || name.equals("conversion") && x == 0) {
            throw new BadNwbException("series '" + s.name() + "' has " + name + " "
                    + (x == null ? "that is not a number" : x) + ": not usable");
        }
        return x;
    }

    /** raw * scale + offset, for every numeric array type jhdf returns (unsigned types come widened). */
    private static double[] convert(Series s, Object raw, double scale, double offset, int n) throws BadNwbException {
        double[] out = new double[n];
        if (raw instanceof float[] a && a.length == n) {
            for (int k = 0; k < n; k++) {
                out[k] = a[k] * scale + offset;
            }
        } else if (raw instanceof double[] a && a.length == n) {
            for (int k = 0; k < n; k++) {
                out[k] = a[k] * scale + offset;
            }
        } else if (raw instanceof short[] a && a.length == n) {
            for (int k = 0; k < n; k++) {
                out[k] = a[k] * scale + offset;
            }
        } else if (raw instanceof int[] a && a.length == n) {
            for (int k = 0; k < n; k++) {
                out[k] = a[k] * scale + offset;
            }
        } else if (raw instanceof long[] a && a.length == n) {
            for (int k = 0; k < n; k++) {
                out[k] = a[k] * scale + offset;
            }
        } else if (raw instanceof byte[] a && a.length == n) {
            for (int k = 0; k < n; k++) {
                out[k] = a[k] * scale + offset;
            }
        } else if (raw instanceof BigInteger[] a && a.length == n) {
            for (int k = 0; k < n; k++) {
                out[k] = a[k].doubleValue() * scale + offset;
            }
        } else {
            throw new BadNwbException("series '" + s.name() + "' data is "
                    + (raw == null ? "null" : raw.getClass().getSimpleName()) + ", expected " + n + " numbers");
        }
        return out;
    }

    private static Values check(Series s, double[] v, boolean voltage, String unit, double conversion, double rate)
            throws BadNwbException {
        double peak = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                peak = Math.max(peak, Math.abs(x));
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        String what = "series '" + s.name() + "' (unit '" + unit + "', conversion " + conversion + ")";
        double median = medianAbs(v);
        if (voltage && median > MAX_MEDIAN_MV) {
            throw new BadNwbException(what + " gives a median |v| of " + fmt(median) + " mV: implausible for a "
                    + "membrane potential (limit " + fmt(MAX_MEDIAN_MV) + " mV), the unit or conversion is wrong");
        }
        if (!voltage && median > MAX_MEDIAN_PA) {
            throw new BadNwbException(what + " gives a median |i| of " + fmt(median) + " pA: implausible for an "
                    + "injected current (limit " + fmt(MAX_MEDIAN_PA) + " pA), the unit or conversion is wrong");
        }
        return new Values(v, rate, peak, max > min, what);
    }

    /** Median of |x| over at most ~4000 evenly spaced samples (enough to judge a unit, and cheap). */
    private static double medianAbs(double[] v) {
        int stride = Math.max(1, v.length / MEDIAN_SAMPLE);
        double[] sample = new double[v.length / stride + 1];
        int n = 0;
        for (int k = 0; k < v.length; k += stride) {
            if (!Double.isNaN(v[k])) {
                sample[n++] = Math.abs(v[k]);
            }
        }
        // selection, not a sort: this runs on every series of every file (no NaN here, so the same value)
        return n == 0 ? 0 : Stats.medianInPlace(sample, n);
    }

    /** starting_time's rate attribute, else 1 / the median step of timestamps[start, start + count); NaN if neither. */
    private static double rate(Series s, long start, long count) throws BadNwbException {
        Dataset t0 = Hdf.childDataset(s.group(), "starting_time");
        Double rate = t0 == null ? null : Hdf.attributeNumber(t0, "rate");
        if (rate == null) {
            rate = timestampRate(s, start, count);
        }
        if (rate == null) {
            return Double.NaN;
        }
        if (!(rate >= MIN_RATE_HZ && rate <= MAX_RATE_HZ)) {
            throw new BadNwbException("series '" + s.name() + "' has a sampling rate of " + rate + " Hz: not usable");
        }
        return rate;
    }

    private static Double timestampRate(Series s, long start, long count) throws BadNwbException {
        Dataset t = Hdf.childDataset(s.group(), "timestamps");
        if (t == null || count < 2) {
            return null;
        }
        if (t.isCompound() || t.isScalar() || t.getSize() > MAX_SAMPLES || t.getSize() < start + count) {
            throw new BadNwbException("series '" + s.name() + "' has " + t.getSize() + " timestamps for " + count
                    + " samples");
        }
        double[] ts = convert(s, Hdf.dataFlat(t, 3), 1, 0, (int) t.getSize());
        double[] steps = new double[(int) count - 1];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = ts[(int) start + k + 1] - ts[(int) start + k];
        }
        double step = medianAbs(steps);
        // timestamps are rounded sums (12.5 + k / 25000 is not exact in binary): keep the rate to 0.001 Hz
        return step > 0 ? Math.round(1e3 / step) / 1e3 : null;
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
