package org.patchmap.core.sweep;

import java.io.DataOutput;
import java.io.IOException;

/**
 * Samples stored as float32, each as the difference between its bit pattern and the previous
 * sample's, zig-zag varint coded. Neighbouring samples of a recording share sign, exponent and
 * high mantissa bits, so most differences take two or three bytes instead of four, and deflate
 * shrinks them further (1.5 to 3.5 times smaller than float64 + deflate on the real recordings).
 * float32 keeps 24 significant bits, 0.00001 mV at −70 mV, far below a digitiser's step; NaN
 * and infinities survive as they are.
 * Runs are coded in a byte array and written in one call: a stream write per byte was most of
 * the time spent encoding.
 */
final class Float32Samples {
    /** Samples coded per block: at 5 bytes each, a 40 kB buffer. */
    private static final int BLOCK = 8192;

    private Float32Samples() {
    }

    static void write(DataOutput out, double[] x) throws IOException {
        byte[] block = new byte[5 * Math.min(BLOCK, x.length)];
        int previous = 0;
        for (int from = 0; from < x.length; from += BLOCK) {
            int to = Math.min(x.length, from + BLOCK);
            int m = 0;
            for (int k = from; k < to; k++) {
                int bits = Float.floatToRawIntBits((float) x[k]);
                int delta = bits - previous; // wraps around: the decoder wraps back
                previous = bits;
                m = putVarInt(block, m, (delta << 1) ^ (delta >> 31));
            }
            out.write(block, 0, m);
        }
    }

    /** The differences between successive ascending indices (the first from 0), as varints. */
    static void writeIndexSteps(DataOutput out, int[] index) throws IOException {
        byte[] block = new byte[5 * index.length];
        int m = 0;
        int previous = 0;
        for (int i : index) {
            m = putVarInt(block, m, i - previous);
            previous = i;
        }
        out.write(block, 0, m);
    }

    static double[] read(ByteCursor in, int n) throws IOException {
        in.require(n);
        double[] x = new double[n];
        int previous = 0;
        for (int k = 0; k < n; k++) {
            int z = in.readVarInt();
            previous += (z >>> 1) ^ -(z & 1);
            x[k] = Float.intBitsToFloat(previous);
        }
        return x;
    }

    static int[] readIndexSteps(ByteCursor in, int n) throws IOException {
        in.require(n);
        int[] index = new int[n];
        int previous = 0;
        for (int k = 0; k < n; k++) {
            previous += in.readVarInt();
            index[k] = previous;
        }
        return index;
    }

    /** Unsigned 32-bit varint: 7 bits per byte, low bits first, at most 5 bytes; returns the next free position. */
    private static int putVarInt(byte[] to, int at, int v) {
        while ((v & ~0x7F) != 0) {
            to[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        to[at++] = (byte) v;
        return at;
    }
}
