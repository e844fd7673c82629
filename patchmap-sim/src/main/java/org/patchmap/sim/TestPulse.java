package org.patchmap.sim;

/**
 * A square pulse the acquisition software adds to every sweep's command, at a fixed time from the
 * sweep's start (to follow the access resistance through the session). It must lie at holding in
 * every sweep's own command ({@link Session} checks).
 *
 * @param amplitudePa relative to holding, pA; 0 for none
 * @param startS      from the sweep's start, s
 * @param durationS   its length, s
 */
public record TestPulse(double amplitudePa, double startS, double durationS) {
    public static final TestPulse NONE = new TestPulse(0, 0, 0);

    public TestPulse {
        if (startS < 0 || durationS < 0 || (amplitudePa != 0 && !(durationS > 0))) {
            throw new IllegalArgumentException("test pulse " + amplitudePa + " pA at " + startS + " s for "
                    + durationS + " s");
        }
    }

    /** −50 pA for 10 ms, starting {@code startS} into the sweep. */
    public static TestPulse minusFiftyPa(double startS) {
        return new TestPulse(-50, startS, 0.010);
    }

    public boolean present() {
        return amplitudePa != 0;
    }
}
