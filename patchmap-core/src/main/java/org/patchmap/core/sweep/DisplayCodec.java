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
 * The byte layout of a family's display traces in GridFS ({@value #ENCODING}): a deflate stream
 * of big-endian values: magic "PMDT", format 1, sweep count, then per sweep its number, name,
 * sampling rate (Hz), original sample count, full-resolution stretch (from, to; -1 when none),
 * then the voltage points and the current points, each as a count, the indices as varint
 * differences and the values as {@link Float32Samples}. About 10 kB per sweep.
 */
public final class DisplayCodec {
    public static final String ENCODING = "patchmap-display-v1+deflate";
    private static final int MAGIC = 0x504d4454; // "PMDT"
    private static final int FORMAT = 1;

    private DisplayCodec() {
    }

    public static byte[] encode(List<DisplayTrace> traces) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        // buffered: the samples are written a byte at a time, and each write into the deflater is a native call
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(traces.size());
            for (DisplayTrace t : traces) {
                out.writeInt(t.sweepNumber());
                out.writeUTF(t.name());
                out.writeDouble(t.samplingRateHz());
                out.writeInt(t.samples());
                out.writeInt(t.fullFrom());
                out.writeInt(t.fullTo());
                write(out, t.voltageMv());
                write(out, t.currentPa());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, DisplayTrace.Points p) throws IOException {
        out.writeInt(p.size());
        Float32Samples.writeIndexSteps(out, p.index());
        Float32Samples.write(out, p.values());
    }

    /** Decodes display traces; a damaged or foreign byte stream gives an IllegalArgumentException saying so. */
    public static List<DisplayTrace> decode(byte[] data) {
        try {
            ByteCursor cursor = ByteCursor.inflated(data);
            DataInputStream in = new DataInputStream(cursor);
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not PatchMap display traces (bad magic number)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("display format " + format + " is not supported (expected "
                        + FORMAT + ")");
            }
            int count = in.readInt();
            List<DisplayTrace> traces = new ArrayList<>(Math.max(0, Math.min(count, 1024)));
            for (int k = 0; k < count; k++) {
                int number = in.readInt();
                String name = in.readUTF();
                double rate = in.readDouble();
                int samples = in.readInt();
                if (samples < 0 || samples > TraceCodec.MAX_SAMPLES) {
                    throw new IllegalArgumentException("display sweep " + number + " claims " + samples + " samples");
                }
                int from = in.readInt();
                int to = in.readInt();
                traces.add(new DisplayTrace(number, name, rate, samples, read(in, cursor, samples), read(in, cursor, samples),
                        from, to));
            }
            return traces;
        } catch (EOFException e) {
            throw new IllegalArgumentException("display traces are truncated", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("display traces are corrupt: " + e.getMessage(), e);
        }
    }

    private static DisplayTrace.Points read(DataInputStream in, ByteCursor cursor, int samples) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > samples) {
            throw new IllegalArgumentException("display traces claim " + n + " points of " + samples + " samples");
        }
        int[] index = Float32Samples.readIndexSteps(cursor, n);
        return new DisplayTrace.Points(index, Float32Samples.read(cursor, n));
    }
}
