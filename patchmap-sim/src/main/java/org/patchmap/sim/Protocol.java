package org.patchmap.sim;

/**
 * One block of a recording session: a run of sweeps of one kind of stimulus, as a lab's
 * acquisition software plays a stimulus set. Commands are relative to the holding current, which
 * the simulator adds (with the rig's test pulse).
 */
public sealed interface Protocol permits LongSquareProtocol, ShortSquareProtocol, RampProtocol, NoiseProtocol {
    /** The stimulus as the sweep names state it: "Long Square", "Short Square", "Ramp", "Noise". */
    String name();

    /** Sweeps in the block. */
    int sweepCount();

    /** Sweep {@code sweep}'s command at {@code rateHz}, pA relative to holding. */
    double[] command(int sweep, double rateHz);

    /** Samples of a sweep of {@code durationS} at {@code rateHz}. */
    static int samples(double durationS, double rateHz) {
        return (int) Math.round(durationS * rateHz);
    }
}
