package org.patchmap.sim;

/**
 * The start that a protocol's sweeps share: every sweep begins from the same settled cell, so
 * while their commands agree (the holding time and test pulse before a long square's step) they
 * give the same voltages. That stretch is integrated once and continued from a copy for each
 * sweep; the samples are the same numbers as integrating every sweep whole, at a fifth less work
 * for the demo's long squares.
 */
final class SharedStart {
    private final double[] voltage;
    private final Compartment state;
    private final int stepsPerSample;

    private SharedStart(double[] voltage, Compartment state, int stepsPerSample) {
        this.voltage = voltage;
        this.state = state;
        this.stepsPerSample = stepsPerSample;
    }

    /** The samples on which all {@code commands} agree, integrated from {@code settled} (left as it is). */
    static SharedStart of(Compartment settled, double[][] commands, int stepsPerSample) {
        int shared = commands.length < 2 ? 0 : commands[0].length;
        for (int s = 1; s < commands.length; s++) {
            shared = Math.min(shared, commonPrefix(commands[0], commands[s]));
        }
        Compartment cell = settled.copy();
        double[] v = Simulator.voltage(cell, java.util.Arrays.copyOf(commands[0], shared), stepsPerSample);
        return new SharedStart(v, cell, stepsPerSample);
    }

    /** How many samples the sweeps share. */
    int sharedSamples() {
        return voltage.length;
    }

    /** The voltage at each sample of {@code command}, which begins with the shared samples. */
    double[] voltage(double[] command) {
        Compartment cell = state.copy();
        double[] v = new double[command.length];
        System.arraycopy(voltage, 0, v, 0, voltage.length);
        Simulator.integrate(cell, command, v, voltage.length, stepsPerSample);
        return v;
    }

    private static int commonPrefix(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        int k = java.util.Arrays.mismatch(a, 0, n, b, 0, n);
        return k < 0 ? n : k;
    }
}
