package org.patchmap.feature.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.core.analysis.FeaturesEvents;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.feature.domain.PublishedFeatures;
import org.patchmap.feature.domain.RecordedFamily;
import org.patchmap.feature.messaging.FeaturesPublisher;
import org.patchmap.feature.store.CellFeatureStore;
import org.patchmap.feature.store.FamilyTraces;
import org.patchmap.feature.store.SweepFamilyStore;

import java.time.Instant;
import java.util.List;

/**
 * What the service does with one long-square family: loads its traces by claim-check, records the
 * family, computes the cell's features, stores them and publishes {@code patchmap.features}. A
 * feature that cannot be computed is a null with its reason, not a failure; missing or damaged
 * traces are ({@code TraceUnavailableException}).
 */
@ApplicationScoped
public class FeatureComputation {
    private static final Logger LOG = Logger.getLogger(FeatureComputation.class);

    @Inject
    FamilyTraces traces;

    @Inject
    SweepFamilyStore families;

    @Inject
    FamilyFeatures compute;

    @Inject
    CellFeatureStore store;

    @Inject
    FeaturesPublisher publisher;

    public void familyArrived(SweepFamilyEvent family) {
        List<Sweep> sweeps = traces.load(family);
        families.save(RecordedFamily.of(family, sweeps));
        CellFeatures features = compute.of(family, sweeps);
        FeaturesEvent event = FeaturesEvents.of(family, features, Instant.now());
        store.save(PublishedFeatures.of(event, features));
        publisher.publish(event);
        LOG.infof("features of %s: %d of %d computable, %d outside QC range", family.cellId(),
                features.values().values().stream().filter(v -> v != null).count(), features.values().size(),
                features.qcFailures().size());
    }
}
