package org.patchmap.core.sweep;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The byte layouts of a family's traces in GridFS. Both are a deflate stream of big-endian
 * values: magic "PMTR", format, sweep count, then per sweep its number, name, sampling rate (Hz)
 * and sample count, followed by
 * <ul>
 *   <li>{@value #ENCODING} (format 1): the voltages (mV) and currents (pA) as float64, exactly
 *       the numbers the reader produced;</li>
 *   <li>{@value #COMPACT_ENCODING} (format 2, what ingest-service writes): the voltages and
 *       currents as float32, difference-coded ({@link Float32Samples}): 1.5 to 3.5 times smaller
 *       than format 1 on the real recordings. NWB files store float32 already; for ABF the
 *       rounding is 0.00001 mV, and on every real recording the features from format 2 equal
 *       those from the reader's numbers to within 4 % of spec 7's tolerances. (Rounding to
 *       0.01 mV would not do: it moves a fast trough by 0.8 mV on two of the thirteen real
 *       cells, beyond the 0.5 mV tolerance.)</li>
 * </ul>
 * Written by hand: it is a few lines, and a general format (HDF5, Arrow) would add a large
 * dependency to every service for one array pair.
 */
public final class TraceCodec {
    /** float64, exact. */
    public static final String ENCODING = "patchmap-traces-v1+deflate";
    /** float32, difference-coded. */
    public static final String COMPACT_ENCODING = "patchmap-traces-v2+deflate";

    static final int MAGIC = 0x504d5452; // "PMTR"
    private static final int EXACT = 1;
    private static final int COMPACT = 2;
    /** 100 s at 500 kHz: beyond any sweep, so a corrupt count cannot exhaust memory. */
    static final int MAX_SAMPLES = 50_000_000;

    private TraceCodec() {
    }

    /** Whether this service can decode traces stored with {@code encoding}. */
    public static boolean supports(String encoding) {
        return ENCODING.equals(encoding) || COMPACT_ENCODING.equals(encoding);
    }

    /** Format 1: float64, exact. */
    public static byte[] encode(List<Sweep> sweeps) {
        return write(sweeps, EXACT);
    }

    /** Format 2: float32, difference-coded. */
    public static byte[] encodeCompact(List<Sweep> sweeps) {
        return write(sweeps, COMPACT);
    }

    private static byte[] write(List<Sweep> sweeps, int format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // the fastest level: on simulated families level 6 took 4.4 times as long for 6 % fewer bytes
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        // buffered: the samples are written a byte at a time, and each write into the deflater is a native call
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(format);
            out.writeInt(sweeps.size());
            for (Sweep s : sweeps) {
                out.writeInt(s.sweepNumber());
                out.writeUTF(s.name());
                out.writeDouble(s.samplingRateHz());
                out.writeInt(s.voltageMv().length);
                if (format == EXACT) {
                    writeDoubles(out, s.voltageMv());
                    writeDoubles(out, s.currentPa());
                } else {
                    Float32Samples.write(out, s.voltageMv());
                    Float32Samples.write(out, s.currentPa());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static void writeDoubles(DataOutputStream out, double[] x) throws IOException {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(x.length * Double.BYTES);
        bytes.asDoubleBuffer().put(x);
        out.write(bytes.array());
    }

    /**
     * Decodes traces stored as {@code encoding}: the encoding must be one this code knows and
     * must be the one the bytes are in. A damaged or foreign byte stream gives an
     * IllegalArgumentException saying so.
     */
    public static List<Sweep> decode(String encoding, byte[] data) {
        if (!supports(encoding)) {
            throw new IllegalArgumentException("encoding '" + encoding + "' is not supported (expected " + ENCODING
                    + " or " + COMPACT_ENCODING + ")");
        }
        return read(data, ENCODING.equals(encoding) ? EXACT : COMPACT);
    }

    /** Decodes traces in either format. */
    public static List<Sweep> decode(byte[] data) {
        return read(data, 0);
    }

    private static List<Sweep> read(byte[] data, int expectedFormat) {
        try {
            ByteCursor cursor = ByteCursor.inflated(data);
            DataInputStream in = new DataInputStream(cursor);
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not PatchMap traces (bad magic number)");
            }
            int format = in.readInt();
            if (format != EXACT && format != COMPACT) {
                throw new IllegalArgumentException("traces format " + format + " is not supported (expected "
                        + EXACT + " or " + COMPACT + ")");
            }
            if (expectedFormat != 0 && format != expectedFormat) {
                throw new IllegalArgumentException("traces are in format " + format + ", not in the declared "
                        + (expectedFormat == EXACT ? ENCODING : COMPACT_ENCODING));
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IllegalArgumentException("traces claim " + count + " sweeps");
            }
            List<Sweep> sweeps = new ArrayList<>(Math.min(count, 1024));
            for (int k = 0; k < count; k++) {
                sweeps.add(readSweep(in, cursor, format));
            }
            return sweeps;
        } catch (EOFException e) {
            throw new IllegalArgumentException("traces are truncated", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("traces are corrupt: " + e.getMessage(), e);
        }
    }

    private static Sweep readSweep(DataInputStream in, ByteCursor samples, int format) throws IOException {
        int number = in.readInt();
        String name = in.readUTF();
        double rate = in.readDouble();
        int n = in.readInt();
        if (n < 0 || n > MAX_SAMPLES) {
            throw new IllegalArgumentException("sweep " + number + " claims " + n + " samples");
        }
        if (format == COMPACT) {
            return new Sweep(number, name, rate, Float32Samples.read(samples, n), Float32Samples.read(samples, n));
        }
        return new Sweep(number, name, rate, samples.readDoubles(n), samples.readDoubles(n));
    }
}
