package org.patchmap.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Integrating the sweeps' shared start once gives the very numbers of integrating each sweep whole. */
class SharedStartTest {
    @Test
    void everySweepOfALongSquareFamilyWithATestPulseIsIdenticalToItsWholeIntegration() {
        LongSquareProtocol family = LongSquareProtocol.fiftyPaSteps();
        double rate = 20_000;
        TestPulse pulse = TestPulse.minusFiftyPa(0.05);
        for (CellType type : new CellType[]{CellType.LOW_THRESHOLD_SPIKING, CellType.IH_RICH}) {
            Compartment settled = new Compartment(SimulatedCell.draw(type, 1, 3).get(0).membrane(),
                    RecordingConditions.PHYSIOLOGICAL_C, RecordingConditions.DEFAULT_STEP_MS);
            for (int k = 0; k < 20_000; k++) {
                settled.step(0);
            }
            double[][] commands = new double[family.sweepCount()][];
            for (int s = 0; s < commands.length; s++) {
                commands[s] = family.command(s, rate);
                for (int k = (int) (pulse.startS() * rate); k < (int) ((pulse.startS() + pulse.durationS()) * rate); k++) {
                    commands[s][k] += pulse.amplitudePa();
                }
            }
            SharedStart start = SharedStart.of(settled, commands, 5);
            // the 0.2 s before the step, test pulse included, at 20 kHz
            assertEquals(4000, start.sharedSamples(), type.name());
            for (double[] command : commands) {
                assertArrayEquals(Simulator.voltage(settled.copy(), command, 5), start.voltage(command), type.name());
            }
        }
    }
}
