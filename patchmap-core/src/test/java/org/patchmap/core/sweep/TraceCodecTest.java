package org.patchmap.core.sweep;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void mismatchedLengthsAreRefused() {
        assertEquals("sweep 'sweep 3': 2 voltage samples but 1 current samples", assertThrows(IllegalArgumentException.class,
                () -> new Sweep(3, "sweep 3", 10000, new double[2], new double[1])).getMessage());
    }
}
