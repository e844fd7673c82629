package org.patchmap.cli.atlas;

import org.patchmap.sim.LongSquareProtocol;
import org.patchmap.sim.RecordingConditions;
import org.patchmap.sim.Rig;

import java.util.SplittableRandom;

/**
 * How one simulated cell is recorded, drawn from the mix of conditions labs use: 20, 25 or 50 kHz; room
 * (22–24 °C) or physiological (32–35 °C) temperature, half each; white rig noise of 0.05–0.2 mV; the
 * −200..+400 pA family in 50 pA steps of 0.5 s or the −110 pA upwards family in 20 pA steps of 1 s, half each.
 *
 * @param protocolName short name of the family, for tables
 * @param protocol     the long-square family
 * @param conditions   temperature, sampling rate, integration step, rig
 */
public record LabConditions(String protocolName, LongSquareProtocol protocol, RecordingConditions conditions) {
    static final double[] RATES_HZ = {20_000, 25_000, 50_000};
    /**
     * Last step of the 20 pA family. Of 600 cells (seed 42), all but two cold late-spiking ones fired by then;
     * rheobase reached 290 pA in this family and 400 pA in the 50 pA one.
     */
    static final double TWENTY_PA_LAST_PA = 290;
    public static final String FIFTY_PA = "50 pA x 0.5 s";
    public static final String TWENTY_PA = "20 pA x 1 s";

    /** The conditions of one cell, from its own generator (so a cell's conditions depend only on its draw). */
    public static LabConditions draw(SplittableRandom random) {
        double rate = RATES_HZ[random.nextInt(RATES_HZ.length)];
        boolean physiological = random.nextBoolean();
        double temperature = physiological ? 32 + 3 * random.nextDouble() : 22 + 2 * random.nextDouble();
        temperature = Math.round(temperature * 10) / 10.0;
        double noise = Math.round((0.05 + 0.15 * random.nextDouble()) * 1000) / 1000.0;
        boolean fifty = random.nextBoolean();
        LongSquareProtocol protocol = fifty ? LongSquareProtocol.fiftyPaSteps()
                : LongSquareProtocol.twentyPaSteps(TWENTY_PA_LAST_PA);
        RecordingConditions conditions = new RecordingConditions(temperature, rate,
                RecordingConditions.DEFAULT_STEP_MS, new Rig(noise, 0, 0), random.nextLong());
        return new LabConditions(fifty ? FIFTY_PA : TWENTY_PA, protocol, conditions);
    }

    public boolean physiological() {
        return conditions.temperatureC() >= 30;
    }
}
