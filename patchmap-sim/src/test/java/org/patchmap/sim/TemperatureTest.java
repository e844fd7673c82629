package org.patchmap.sim;

import org.junit.jupiter.api.Test;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.spikes.Spike;
import org.patchmap.core.spikes.SpikeDetector;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kinetics scale by Q10: the same cell spikes much broader at room temperature. */
class TemperatureTest {
    private static final LongSquareProtocol ONE_STEP = new LongSquareProtocol(300, 50, 300, 0.1, 0.3, 0.05);

    private static double firstWidthS(SimulatedCell cell, double temperatureC) {
        Recording r = Simulator.record(cell, ONE_STEP, RecordingConditions.ideal(temperatureC));
        Spike first = new SpikeDetector().detect(r.sweeps().get(0), 0.1, 0.4).spikes().get(0);
        return first.width();
    }

    @Test
    void roomTemperatureMoreThanDoublesAFastSpikingCellsSpikeWidthAndLeavesItAboveHalfAMillisecond() {
        SimulatedCell cell = SimulatedCell.draw(CellType.FAST_SPIKING, 1, 7).get(0);
        double warm = firstWidthS(cell, RecordingConditions.PHYSIOLOGICAL_C);
        double room = firstWidthS(cell, RecordingConditions.ROOM_C);
        assertTrue(room > 2 * warm, "room " + room + " s vs physiological " + warm + " s");
        assertTrue(room > 0.5e-3, "room " + room + " s");
    }
}
