package org.patchmap.core.analysis;

import org.junit.jupiter.api.Test;
import org.patchmap.testing.SharedData;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.spikes.SpikeDetector;
import org.patchmap.core.spikes.SpikeTrain;
import org.patchmap.core.sweep.DisplayTrace;
import org.patchmap.core.sweep.Sweep;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The display of a real family: 2,000 points per sweep, each sweep's first AP sample for sample. */
class DisplayTracesTest {
    @Test
    void fileAxon5() throws Exception {
        SweepFamily family = CellAnalysis.family(SharedData.cell("File_axon_5.abf"));
        List<DisplayTrace> display = CellAnalysis.display(family, DisplayTrace.DEFAULT_POINTS);
        assertEquals(9, display.size());
        int withAp = 0;
        for (int k = 0; k < 9; k++) {
            Sweep sweep = family.sweeps().get(k).sweep();
            DisplayTrace d = display.get(k);
            assertEquals(sweep.sweepNumber(), d.sweepNumber());
            assertEquals(sweep.voltageMv().length, d.samples());
            SpikeTrain train = new SpikeDetector().detect(sweep, family.startS(), family.endS());
            if (train.spikes().isEmpty()) {
                assertEquals(-1, d.fullFrom(), "sweep " + k);
                assertTrue(d.voltageMv().size() <= 2000, "sweep " + k + ": " + d.voltageMv().size());
            } else {
                withAp++;
                int threshold = train.spikes().get(0).thresholdIndex();
                assertEquals(threshold - 40, d.fullFrom()); // 2 ms at 20 kHz
                assertEquals(threshold + 200, d.fullTo()); // 10 ms
                assertTrue(d.voltageMv().size() <= 2000 + 240 + 6, "sweep " + k + ": " + d.voltageMv().size());
                int peak = train.spikes().get(0).peakIndex();
                int at = Arrays.binarySearch(d.voltageMv().index(), peak);
                assertTrue(at >= 0, "the first peak is kept");
            }
            double max = Arrays.stream(sweep.voltageMv()).max().orElseThrow();
            double min = Arrays.stream(sweep.voltageMv()).min().orElseThrow();
            assertEquals(max, Arrays.stream(d.voltageMv().values()).max().orElseThrow());
            assertEquals(min, Arrays.stream(d.voltageMv().values()).min().orElseThrow());
        }
        assertEquals(3, withAp); // 200, 250 and 300 pA fire (rheobase 200 pA)
    }
}
