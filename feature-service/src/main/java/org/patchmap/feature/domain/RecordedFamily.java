package org.patchmap.feature.domain;

import org.patchmap.core.sweep.Sweep;
import org.patchmap.events.SweepFamilyEvent;

import java.util.List;

/**
 * The last long-square family received for a cell, with what its traces hold.
 *
 * @param family          the family as received on {@code patchmap.sweeps}
 * @param samplesPerSweep samples in each sweep's traces, in the event's sweep order
 * @param durationS       the longest sweep, s
 */
public record RecordedFamily(SweepFamilyEvent family, List<Integer> samplesPerSweep, double durationS) {
    public RecordedFamily {
        samplesPerSweep = List.copyOf(samplesPerSweep);
    }

    public static RecordedFamily of(SweepFamilyEvent family, List<Sweep> sweeps) {
        return new RecordedFamily(family, sweeps.stream().map(s -> s.voltageMv().length).toList(),
                sweeps.stream().mapToDouble(Sweep::durationS).max().orElse(0));
    }
}
