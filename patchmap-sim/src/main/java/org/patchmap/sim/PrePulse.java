package org.patchmap.sim;

/**
 * A fixed current step that ends where a long square starts, the same in every sweep of the
 * family (e.g. a hyperpolarising pre-pulse that removes inactivation before the step). PatchMap's
 * core flags such a family {@code pre_pulse}.
 *
 * @param amplitudePa relative to holding, pA; 0 for none
 * @param durationS   its length, s
 */
public record PrePulse(double amplitudePa, double durationS) {
    public static final PrePulse NONE = new PrePulse(0, 0);

    public PrePulse {
        if (durationS < 0 || (amplitudePa != 0 && !(durationS > 0))) {
            throw new IllegalArgumentException("pre-pulse " + amplitudePa + " pA for " + durationS + " s");
        }
    }

    public boolean present() {
        return amplitudePa != 0;
    }
}
