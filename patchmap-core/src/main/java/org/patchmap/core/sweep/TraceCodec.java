package org.patchmap.core.sweep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The byte layout of a family's traces in GridFS ({@value #ENCODING}): a deflate stream of
 * big-endian values: magic "PMTR", format 1, sweep count, then per sweep its number, name, sampling
 * rate (Hz), sample count, the voltages (mV, float64) and the currents (pA, float64). float64
 * because dV/dt-based spike detection must see the same numbers the reader produced.
 * Written by hand: it is a few lines, and a general format (HDF5, Arrow) would add a large
 * dependency to every service for one array pair.
 */
public final class TraceCodec {
    public static final String ENCODING = "patchmap-traces-v1+deflate";
    private static final int MAGIC = 0x504d5452; // "PMTR"
    private static final int FORMAT = 1;
    /** 100 s at 500 kHz: beyond any sweep, so a corrupt count cannot exhaust memory. */
    private static final int MAX_SAMPLES = 50_000_000;

    private TraceCodec() {
    }

    public static byte[] encode(List<Sweep> sweeps) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(
                new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(sweeps.size());
            for (Sweep s : sweeps) {
                out.writeInt(s.sweepNumber());
                out.writeUTF(s.name());
                out.writeDouble(s.samplingRateHz());
                out.writeInt(s.voltageMv().length);
                for (double v : s.voltageMv()) {
                    out.writeDouble(v);
                }
                for (double i : s.currentPa()) {
                    out.writeDouble(i);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes traces; a damaged or foreign byte stream gives an IllegalArgumentException saying so. */
    public static List<Sweep> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data), new Inflater(), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not PatchMap traces (bad magic number)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("traces format " + format + " is not supported (expected " + FORMAT + ")");
            }
            int count = in.readInt();
            List<Sweep> sweeps = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                int number = in.readInt();
                String name = in.readUTF();
                double rate = in.readDouble();
                int n = in.readInt();
                if (n < 0 || n > MAX_SAMPLES) {
                    throw new IllegalArgumentException("sweep " + number + " claims " + n + " samples");
                }
                double[] v = new double[n];
                double[] i = new double[n];
                for (int j = 0; j < n; j++) {
                    v[j] = in.readDouble();
                }
                for (int j = 0; j < n; j++) {
                    i[j] = in.readDouble();
                }
                sweeps.add(new Sweep(number, name, rate, v, i));
            }
            return sweeps;
        } catch (EOFException e) {
            throw new IllegalArgumentException("traces are truncated", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("traces are corrupt: " + e.getMessage(), e);
        }
    }
}
