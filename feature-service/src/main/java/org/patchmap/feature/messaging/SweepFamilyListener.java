package org.patchmap.feature.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.patchmap.core.analysis.FeaturesEvents;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.feature.compute.FamilyFeatures;
import org.patchmap.feature.domain.PublishedFeatures;
import org.patchmap.feature.domain.RecordedFamily;
import org.patchmap.feature.store.CellFeatureStore;
import org.patchmap.feature.store.FamilyTraces;
import org.patchmap.feature.store.SweepFamilyStore;
import org.patchmap.messaging.EventInbox;

import java.time.Instant;
import java.util.List;

/**
 * Consumer of {@code patchmap.sweeps}: loads each family's traces from GridFS (claim-check),
 * computes the cell's features, stores family and features, and publishes
 * {@code patchmap.features}. A record that fails goes to {@code patchmap.sweeps.dlq} with its
 * reason, and the next one is processed; a feature that cannot be computed is not a failure.
 */
@ApplicationScoped
public class SweepFamilyListener {
    static final String SWEEPS_IN = "sweeps";
    private static final Logger LOG = Logger.getLogger(SweepFamilyListener.class);

    @Inject
    EventInbox inbox;

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

    @Incoming(SWEEPS_IN)
    @Blocking
    public void onSweepFamily(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.SWEEPS, SweepFamilyEvent.class, family -> {
            List<Sweep> sweeps = traces.load(family);
            families.save(RecordedFamily.of(family, sweeps));
            CellFeatures features = compute.of(family, sweeps);
            FeaturesEvent event = FeaturesEvents.of(family, features, Instant.now());
            store.save(PublishedFeatures.of(event, features));
            publisher.publish(event);
            LOG.infof("features of %s: %d of %d computable, %d outside QC range", family.cellId(),
                    features.values().values().stream().filter(v -> v != null).count(), features.values().size(),
                    features.qcFailures().size());
        });
    }
}
