package org.patchmap.core.sweep;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceCodecTest {
    private static Sweep sweep(int number, int n) {
        double[] v = new double[n];
        double[] i = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = -70.123456789 + Math.sin(k / 13.0) * 0.1;
            i[k] = k > n / 4 && k < 3 * n / 4 ? 50.0 * number : 0.0;
        }
        return new Sweep(number, "sweep " + number, 20000.0, v, i);
    }

    @Test
    void roundTripIsExact() {
        List<Sweep> sweeps = List.of(sweep(1, 20000), sweep(7, 12345));
        List<Sweep> back = TraceCodec.decode(TraceCodec.encode(sweeps));
        assertEquals(2, back.size());
        for (int k = 0; k < 2; k++) {
            assertEquals(sweeps.get(k).sweepNumber(), back.get(k).sweepNumber());
            assertEquals(20000.0, back.get(k).samplingRateHz());
            assertArrayEquals(sweeps.get(k).voltageMv(), back.get(k).voltageMv());
            assertArrayEquals(sweeps.get(k).currentPa(), back.get(k).currentPa());
        }
    }

    /** The compact layout byte by byte, so that traces stored by any version of the codec stay readable. */
    @Test
    void compactLayoutIsTheDocumentedOne() throws Exception {
        Sweep s = new Sweep(3, "S", 10000.0, new double[]{1.0, 1.0, -2.0}, new double[]{0.0, 100.0, 0.0});
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(expected);
        out.writeInt(0x504d5452);
        out.writeInt(2);
        out.writeInt(1);
        out.writeInt(3);
        out.writeUTF("S");
        out.writeDouble(10000.0);
        out.writeInt(3);
        // 1.0f = 0x3f800000: zig-zag 0x7f000000 as 5 varint bytes; then 0; then -2.0f = 0xc0000000,
        // delta 0x80800000, zig-zag 0xfeffffff
        out.write(new byte[]{(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0xf8, 0x07, 0x00,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf7, 0x0f});
        // 0.0f, then 100.0f = 0x42c80000 (zig-zag 0x85900000), then back to 0 (zig-zag 0x858fffff)
        out.write(new byte[]{0x00, (byte) 0x80, (byte) 0x80, (byte) 0xc0, (byte) 0xac, 0x08,
                (byte) 0xff, (byte) 0xff, (byte) 0xbf, (byte) 0xac, 0x08});
        byte[] inflated = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(
                TraceCodec.encodeCompact(List.of(s)))).readAllBytes();
        assertArrayEquals(expected.toByteArray(), inflated);
    }

    @Test
    void truncatedTracesAreNamed() {
        byte[] bytes = TraceCodec.encode(List.of(sweep(1, 5000)));
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        assertEquals("traces are truncated",
                assertThrows(IllegalArgumentException.class, () -> TraceCodec.decode(cut)).getMessage());
    }

    @Test
    void foreignBytesAreNamed() {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> TraceCodec.decode("not traces at all".getBytes())).getMessage();
        assertEquals("traces are corrupt: incorrect header check", msg);
    }

    @Test
    void compactRoundTripIsFloat32() {
        List<Sweep> sweeps = List.of(sweep(1, 20000), sweep(7, 12345));
        byte[] bytes = TraceCodec.encodeCompact(sweeps);
        List<Sweep> back = TraceCodec.decode(TraceCodec.COMPACT_ENCODING, bytes);
        assertEquals(2, back.size());
        for (int k = 0; k < 2; k++) {
            Sweep s = sweeps.get(k);
            assertEquals(s.sweepNumber(), back.get(k).sweepNumber());
            assertEquals(s.name(), back.get(k).name());
            assertEquals(20000.0, back.get(k).samplingRateHz());
            assertArrayEquals(float32(s.voltageMv()), back.get(k).voltageMv());
            assertArrayEquals(float32(s.currentPa()), back.get(k).currentPa());
        }
        // the undeclared decode finds the format in the bytes
        assertArrayEquals(back.get(0).voltageMv(), TraceCodec.decode(bytes).get(0).voltageMv());
        assertTrue(bytes.length * 2 < TraceCodec.encode(sweeps).length, bytes.length + " bytes");
    }

    @Test
    void compactKeepsNanInfinityAndExtremes() {
        double[] v = {Double.NaN, -70.0, Double.POSITIVE_INFINITY, -Float.MAX_VALUE, 0.0, -0.0, 1e-30, Double.NaN};
        double[] i = {0, 1, 2, 3, 4, 5, 6, 7};
        Sweep back = TraceCodec.decode(TraceCodec.COMPACT_ENCODING,
                TraceCodec.encodeCompact(List.of(new Sweep(Sweep.NO_NUMBER, "ic__Step__1", 10000, v, i)))).get(0);
        assertArrayEquals(float32(v), back.voltageMv());
        assertEquals(Sweep.NO_NUMBER, back.sweepNumber());
        assertEquals("ic__Step__1", back.name());
    }

    @Test
    void declaredEncodingMustMatchTheBytes() {
        byte[] exact = TraceCodec.encode(List.of(sweep(1, 100)));
        assertEquals("traces are in format 1, not in the declared patchmap-traces-v2+deflate",
                assertThrows(IllegalArgumentException.class,
                        () -> TraceCodec.decode(TraceCodec.COMPACT_ENCODING, exact)).getMessage());
        assertEquals("encoding 'patchmap-traces-v9' is not supported (expected patchmap-traces-v1+deflate or "
                + "patchmap-traces-v2+deflate)", assertThrows(IllegalArgumentException.class,
                () -> TraceCodec.decode("patchmap-traces-v9", exact)).getMessage());
        assertTrue(TraceCodec.supports(TraceCodec.ENCODING));
        assertTrue(TraceCodec.supports(TraceCodec.COMPACT_ENCODING));
        assertFalse(TraceCodec.supports("patchmap-display-v1+deflate"));
    }

    @Test
    void truncatedCompactTracesAreNamed() {
        byte[] bytes = TraceCodec.encodeCompact(List.of(sweep(1, 5000)));
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        assertEquals("traces are truncated", assertThrows(IllegalArgumentException.class,
                () -> TraceCodec.decode(TraceCodec.COMPACT_ENCODING, cut)).getMessage());
    }

    private static double[] float32(double[] x) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = (float) x[k];
        }
        return out;
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertEquals("sweep 'sweep 3': 2 voltage samples but 1 current samples", assertThrows(IllegalArgumentException.class,
                () -> new Sweep(3, "sweep 3", 10000, new double[2], new double[1])).getMessage());
    }
}
