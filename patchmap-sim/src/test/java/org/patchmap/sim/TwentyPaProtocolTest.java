package org.patchmap.sim;

import org.junit.jupiter.api.Test;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The −110 pA upwards, 20 pA, 1 s family: fine steps find rheobase closely, where late spiking shows most. */
class TwentyPaProtocolTest {
    @Test
    void lateSpikingCellFirstFiresInTheLastHalfOfTheOneSecondStepAtRheobase() throws Exception {
        SimulatedCell cell = SimulatedCell.draw(CellType.LATE_SPIKING, 1, 2008).get(0);
        Recording r = Simulator.record(cell, LongSquareProtocol.twentyPaSteps(250), RecordingConditions.ideal(34));
        SweepFamily family = CellAnalysis.family(r);
        assertEquals(19, family.sweeps().size());
        assertEquals(-110.0, family.sweeps().get(0).amplitudePa());
        assertEquals(250.0, family.sweeps().get(18).amplitudePa());
        assertEquals(1.0, family.endS() - family.startS(), 1e-3);
        assertTrue(family.sweeps().stream().mapToDouble(FamilySweep::amplitudePa).distinct().count() == 19);
        CellFeatures features = CellAnalysis.features(family);
        // measured: rheobase 150 pA, latency 0.92 s
        double latency = features.value("latency_0_long_square");
        assertTrue(latency > 0.5, "latency at rheobase " + latency + " s");
    }
}
