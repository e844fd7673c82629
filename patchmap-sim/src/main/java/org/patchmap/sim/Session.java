package org.patchmap.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell's recording session: stimulus blocks played in order, under one set of conditions (with
 * its rig). Sweeps are numbered through the session; sweep k starts {@value #REST_S} s after sweep
 * k − 1 ended (the clock the rig's drift runs on).
 *
 * @param protocols  the blocks, in the order recorded
 * @param conditions temperature, sampling rate, step, rig and seed
 */
public record Session(List<Protocol> protocols, RecordingConditions conditions) {
    /** Rest between the end of one sweep and the start of the next, s. */
    public static final double REST_S = 3;

    public Session {
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("a session records at least one protocol");
        }
        TestPulse pulse = conditions.rig().testPulse();
        if (pulse.present()) {
            double rate = conditions.samplingRateHz();
            int from = Protocol.samples(pulse.startS(), rate);
            int to = Protocol.samples(pulse.startS() + pulse.durationS(), rate);
            for (Protocol p : protocols) {
                for (int s = 0; s < p.sweepCount(); s++) {
                    double[] command = p.command(s, rate);
                    for (int k = from; k < to; k++) {
                        if (k >= command.length || command[k] != 0) {
                            throw new IllegalArgumentException("the test pulse at " + pulse.startS() + " s meets "
                                    + p.name() + " sweep " + s + "'s stimulus");
                        }
                    }
                }
            }
        }
    }

    /** A session of one long-square family. */
    public static Session of(LongSquareProtocol protocol, RecordingConditions conditions) {
        return new Session(List.of(protocol), conditions);
    }

    /** Each sweep's stimulus name ({@link Protocol#name()}), in sweep order. */
    public List<String> stimulusNames() {
        List<String> out = new ArrayList<>();
        for (Protocol p : protocols) {
            for (int s = 0; s < p.sweepCount(); s++) {
                out.add(p.name());
            }
        }
        return out;
    }
}
