package org.patchmap.core.protocol;

import java.util.List;

/**
 * The long-square family of a file (spec section 1).
 *
 * @param startS         epoch start, s from sweep start (median of the members' plateau starts)
 * @param endS           epoch end (exclusive), s from sweep start
 * @param samplingRateHz sampling rate of every member
 * @param sweeps         the members in file order, each with its amplitude relative to its holding level
 * @param flags          {@link #PRE_PULSE}, {@link #FEW_SWEEPS}, {@link #LOW_SAMPLING_RATE}
 * @param skipped        the file's other sweeps, each with a kind and a reason
 */
public record SweepFamily(double startS, double endS, double samplingRateHz, List<FamilySweep> sweeps,
                          List<String> flags, List<SkippedSweep> skipped) {
    public static final String PRE_PULSE = "pre_pulse";
    public static final String FEW_SWEEPS = "few_sweeps";
    public static final String LOW_SAMPLING_RATE = "low_sampling_rate";

    public SweepFamily {
        sweeps = List.copyOf(sweeps);
        flags = List.copyOf(flags);
        skipped = List.copyOf(skipped);
    }
}
