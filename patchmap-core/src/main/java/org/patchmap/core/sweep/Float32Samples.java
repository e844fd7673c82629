package org.patchmap.core.sweep;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Samples stored as float32, each as the difference between its bit pattern and the previous
 * sample's, zig-zag varint coded. Neighbouring samples of a recording share sign, exponent and
 * high mantissa bits, so most differences take two or three bytes instead of four, and deflate
 * shrinks them further (1.5 to 3.5 times smaller than float64 + deflate on the real recordings).
 * float32 keeps 24 significant bits, 0.00001 mV at −70 mV, far below a digitiser's step; NaN
 * and infinities survive as they are.
 */
final class Float32Samples {
    private Float32Samples() {
    }

    static void write(DataOutput out, double[] x) throws IOException {
        int previous = 0;
        for (double value : x) {
            int bits = Float.floatToRawIntBits((float) value);
            int delta = bits - previous; // wraps around: the decoder wraps back
            previous = bits;
            writeVarInt(out, (delta << 1) ^ (delta >> 31));
        }
    }

    static double[] read(DataInput in, int n) throws IOException {
        double[] x = new double[n];
        int previous = 0;
        for (int k = 0; k < n; k++) {
            int z = readVarInt(in);
            previous += (z >>> 1) ^ -(z & 1);
            x[k] = Float.intBitsToFloat(previous);
        }
        return x;
    }

    /** Unsigned 32-bit varint: 7 bits per byte, low bits first, at most 5 bytes. */
    static void writeVarInt(DataOutput out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    static int readVarInt(DataInput in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint longer than 5 bytes");
    }
}
