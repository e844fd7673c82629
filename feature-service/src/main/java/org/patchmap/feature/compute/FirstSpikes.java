package org.patchmap.feature.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.analysis.FirstSpike;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.feature.store.FamilyTraces;

import java.util.Optional;

/**
 * A cell's first action potential at full resolution (patchmap-core's {@link FirstSpike}), from the
 * same stored traces, amplitudes and window its features were computed from, so that its threshold
 * and peak are those of its {@code ap_1_*_0_long_square} features. The traces are read on each call:
 * the service keeps features, not sweeps.
 */
@ApplicationScoped
public class FirstSpikes {
    @Inject
    FamilyTraces traces;

    /**
     * Empty when no sweep of the family spikes at a positive amplitude.
     *
     * @throws org.patchmap.messaging.store.TraceUnavailableException when the traces are missing or damaged
     */
    public Optional<FirstSpike> of(SweepFamilyEvent family) {
        return CellAnalysis.firstSpike(FamilyFeatures.members(family, traces.load(family)),
                family.window().startS(), family.window().endS());
    }
}
