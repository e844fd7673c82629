package org.patchmap.core.sweep;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * An inflated byte stream read in place: headers through {@link java.io.DataInputStream} on it,
 * sample runs by index straight from the array. Reading a varint a byte at a time through a
 * stream costs a call and a lock per byte, which was most of the time spent decoding traces.
 */
final class ByteCursor extends ByteArrayInputStream {
    /** Larger than any family's traces (50 million samples at 5 bytes, twice): a corrupt stream cannot exhaust memory. */
    static final int MAX_INFLATED = 1 << 30;

    private ByteCursor(byte[] bytes) {
        super(bytes);
    }

    /** The whole deflate stream {@code data}, inflated; at most {@link #MAX_INFLATED} bytes. */
    static ByteCursor inflated(byte[] data) throws IOException {
        Inflater inflater = new Inflater();
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(data), inflater, 1 << 16)) {
            byte[] bytes = in.readNBytes(MAX_INFLATED + 1);
            if (bytes.length > MAX_INFLATED) {
                throw new IOException("inflates to more than " + MAX_INFLATED + " bytes");
            }
            return new ByteCursor(bytes);
        } finally {
            inflater.end();
        }
    }

    /** {@code n} big-endian float64 values. */
    double[] readDoubles(int n) throws IOException {
        if (n > (count - pos) / Double.BYTES) {
            throw new EOFException();
        }
        double[] x = new double[n];
        java.nio.ByteBuffer.wrap(buf, pos, n * Double.BYTES).asDoubleBuffer().get(x);
        pos += n * Double.BYTES;
        return x;
    }

    /** Throws EOFException unless at least {@code n} bytes are left (every coded sample takes one or more). */
    void require(int n) throws IOException {
        if (n > count - pos) {
            throw new EOFException();
        }
    }

    /** Unsigned 32-bit varint: 7 bits per byte, low bits first, at most 5 bytes. */
    int readVarInt() throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos >= count) {
                throw new EOFException();
            }
            int b = buf[pos++] & 0xFF;
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint longer than 5 bytes");
    }
}
