package org.patchmap.sim;

import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.SubjectInfo;
import org.patchmap.core.sweep.Sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Records simulated cells: each sweep starts from the same settled cell (as if the cell rested
 * between sweeps) and is integrated at the conditions' step, sampled at their rate, then given the
 * rig's artefacts. Same cell, protocol and conditions give identical samples.
 */
public final class Simulator {
    /** Time the cell rests at holding before the first sweep, so every gate is at its steady state. */
    static final double SETTLE_MS = 1000;
    /** The format of a simulated recording (no file behind it). */
    public static final String FORMAT = "simulated";

    private Simulator() {
    }

    /** The recording of {@code cell}'s long-square family; every label says it is simulated. */
    public static Recording record(SimulatedCell cell, LongSquareProtocol protocol, RecordingConditions conditions) {
        return record(cell, Session.of(protocol, conditions));
    }

    static Recording record(SimulatedCell cell, LongSquareProtocol protocol, RecordingConditions conditions,
                            Compartment.Rates rates) {
        return record(cell, Session.of(protocol, conditions), rates);
    }

    /**
     * The recording of {@code cell}'s session: its blocks' sweeps in order, named
     * "simulated sweep N: stimulus" (e.g. "simulated sweep 14: Ramp"), each with the rig's artefacts.
     */
    public static Recording record(SimulatedCell cell, Session session) {
        return record(cell, session, Compartment.Rates.TABULATED);
    }

    static Recording record(SimulatedCell cell, Session session, Compartment.Rates rates) {
        RecordingConditions conditions = session.conditions();
        Rig rig = conditions.rig();
        double rate = conditions.samplingRateHz();
        Compartment settled = new Compartment(cell.membrane(), conditions.temperatureC(), conditions.stepMs(), rates);
        int settleSteps = (int) Math.round(SETTLE_MS / conditions.stepMs());
        for (int k = 0; k < settleSteps; k++) {
            settled.step(rig.holdingPa());
        }
        SplittableRandom noise = new SplittableRandom(conditions.seed());
        List<Sweep> sweeps = new ArrayList<>();
        double clockS = 0;
        for (Protocol protocol : session.protocols()) {
            double[][] commands = new double[protocol.sweepCount()][];
            for (int s = 0; s < commands.length; s++) {
                commands[s] = protocol.command(s, rate);
                addHoldingAndTestPulse(commands[s], rig, rate);
            }
            SharedStart start = SharedStart.of(settled, commands, conditions.stepsPerSample());
            for (int s = 0; s < commands.length; s++) {
                double[] command = commands[s];
                double[] v = start.voltage(command);
                RigArtefacts.Recorded recorded = RigArtefacts.apply(v, command, rate, clockS, rig, noise.split());
                int number = sweeps.size();
                sweeps.add(new Sweep(number, "simulated sweep " + number + ": " + protocol.name(), rate,
                        recorded.voltageMv(), recorded.commandPa()));
                clockS += command.length / rate + Session.REST_S;
            }
        }
        String description = String.format(Locale.ROOT,
                "simulated recording (not a real cell): %s model neuron %s at %.0f °C, seed %d",
                cell.type().name().toLowerCase(Locale.ROOT), cell.id(), conditions.temperatureC(), conditions.seed());
        SubjectInfo subject = new SubjectInfo(null, null, null, null, "simulated", cell.id(),
                String.format(Locale.ROOT, "%.1f C", conditions.temperatureC()), null, description);
        return new Recording(cell.id() + ".simulated", FORMAT, sweeps, List.of(), subject);
    }

    private static void addHoldingAndTestPulse(double[] command, Rig rig, double rateHz) {
        TestPulse pulse = rig.testPulse();
        int from = pulse.present() ? Protocol.samples(pulse.startS(), rateHz) : 0;
        int to = pulse.present() ? Protocol.samples(pulse.startS() + pulse.durationS(), rateHz) : 0;
        for (int k = 0; k < command.length; k++) {
            command[k] += rig.holdingPa();
            if (k >= from && k < to) {
                command[k] += pulse.amplitudePa();
            }
        }
    }

    /** Voltage at each sample of {@code command}; sample k is the state at its start. */
    static double[] voltage(Compartment cell, double[] command, int stepsPerSample) {
        double[] v = new double[command.length];
        integrate(cell, command, v, 0, stepsPerSample);
        return v;
    }

    /** Fills {@code v} from sample {@code from} on, integrating {@code cell} through {@code command} from there. */
    static void integrate(Compartment cell, double[] command, double[] v, int from, int stepsPerSample) {
        for (int k = from; k < command.length; k++) {
            v[k] = cell.v;
            for (int j = 0; j < stepsPerSample; j++) {
                cell.step(command[k]);
            }
        }
    }
}
