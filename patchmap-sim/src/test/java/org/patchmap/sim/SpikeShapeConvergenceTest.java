package org.patchmap.sim;

import org.junit.jupiter.api.Test;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.spikes.Spike;
import org.patchmap.core.spikes.SpikeDetector;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The integration step is small enough: the first spike's shape (PatchMap's own spike features, at
 * 50 kHz) hardly moves when the step is halved.
 */
class SpikeShapeConvergenceTest {
    private static final LongSquareProtocol ONE_STEP = new LongSquareProtocol(300, 50, 300, 0.1, 0.2, 0.05);

    private static Spike firstSpike(SimulatedCell cell, double stepMs) {
        Recording r = Simulator.record(cell, ONE_STEP, new RecordingConditions(RecordingConditions.PHYSIOLOGICAL_C,
                50_000, stepMs, Rig.NONE, 0));
        return new SpikeDetector().detect(r.sweeps().get(0), 0.1, 0.3).spikes().get(0);
    }

    @Test
    void halvingTheDefaultStepMovesPeakThresholdAndWidthByLessThanATenthOfAMillivoltAndOneSample() {
        for (CellType type : new CellType[]{CellType.FAST_SPIKING, CellType.REGULAR_SPIKING}) {
            SimulatedCell cell = SimulatedCell.draw(type, 1, 7).get(0);
            Spike coarse = firstSpike(cell, RecordingConditions.DEFAULT_STEP_MS);
            Spike fine = firstSpike(cell, RecordingConditions.DEFAULT_STEP_MS / 2);
            // FS measured: peak 31.719 vs 31.662 mV, width 0.26 ms both, threshold at the same sample.
            assertEquals(fine.peakV(), coarse.peakV(), 0.1, type + " peak mV");
            assertEquals(fine.width(), coarse.width(), 0.02e-3 + 1e-12, type + " width s (one 50 kHz sample)");
            assertEquals(fine.thresholdT(), coarse.thresholdT(), 0.02e-3 + 1e-12, type + " threshold time s");
            assertEquals(fine.thresholdV(), coarse.thresholdV(), 0.5, type + " threshold mV");
        }
    }
}
