package org.patchmap.feature.domain;

import org.patchmap.core.features.CellFeatures;
import org.patchmap.events.FeaturesEvent;

import java.util.List;

/**
 * A cell's features as last published on {@code patchmap.features}, with the spikes of each sweep they
 * were computed from.
 *
 * @param event  the event as published
 * @param sweeps the sweeps of the family, in its order
 */
public record PublishedFeatures(FeaturesEvent event, List<SweepSpikes> sweeps) {
    public PublishedFeatures {
        sweeps = List.copyOf(sweeps);
    }

    public static PublishedFeatures of(FeaturesEvent event, CellFeatures features) {
        return new PublishedFeatures(event, features.sweeps().stream().map(SweepSpikes::of).toList());
    }
}
