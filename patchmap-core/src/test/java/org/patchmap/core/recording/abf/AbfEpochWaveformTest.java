package org.patchmap.core.recording.abf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Epoch types the real files do not use (ramp, pulse train, inter-sweep level), on a 128-sample sweep (2 samples pre-sweep). */
class AbfEpochWaveformTest {
    private static AbfHeader.Dac dac(boolean keepLast, AbfHeader.Epoch... epochs) {
        return new AbfHeader.Dac(0, "Cmd 0", "pA", -10, true, keepLast, List.of(epochs));
    }

    @Test
    void stepRampAndOffEpochs() throws Exception {
        double[] w = EpochWaveform.build(dac(false,
                new AbfHeader.Epoch(0, 1, 20, 5, 2, 1, 0, 0),     // step 20 + 5s pA, 2 + s samples
                new AbfHeader.Epoch(1, 0, 999, 0, 50, 0, 0, 0),   // off: ignored
                new AbfHeader.Epoch(2, 2, 60, 0, 4, 0, 0, 0)), 1, 128);   // ramp to 60 over 4 samples
        assertArrayEquals(new double[]{-10, -10, 25, 25, 25, 33.75, 42.5, 51.25, 60, -10}, java.util.Arrays.copyOf(w, 10), 1e-12);
        assertEquals(-10, w[127]);
    }

    @Test
    void pulseTrainAndLastLevelBetweenSweeps() throws Exception {
        double[] w = EpochWaveform.build(dac(true, new AbfHeader.Epoch(0, 3, 100, 0, 7, 0, 3, 1)), 0, 128);
        assertArrayEquals(new double[]{-10, -10, 100, -10, -10, 100, -10, -10, 100, -10}, java.util.Arrays.copyOf(w, 10), 1e-12);
        // after a pulse train the "last level" is the level the train returns to
        assertEquals(-10, w[127]);
        double[] s = EpochWaveform.build(dac(true, new AbfHeader.Epoch(0, 1, 7, 0, 3, 0, 0, 0)), 0, 128);
        assertEquals(7, s[127]);
    }

    @Test
    void epochsLongerThanTheSweepAreCut() throws Exception {
        double[] w = EpochWaveform.build(dac(false, new AbfHeader.Epoch(0, 1, 5, 0, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0),
                new AbfHeader.Epoch(1, 1, 6, 0, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0)), 3, 128);
        assertEquals(5, w[2]);
        assertEquals(5, w[127]);
    }

    @Test
    void negativeDurationIsAnError() {
        CorruptAbfException e = assertThrows(CorruptAbfException.class, () -> EpochWaveform.build(
                dac(false, new AbfHeader.Epoch(1, 1, 5, 0, 10, -20, 0, 0)), 1, 128));
        assertEquals("epoch B of DAC 'Cmd 0' in sweep 1 has duration -10 samples and level 5.0: corrupt header", e.getMessage());
    }
}
