package org.patchmap.feature.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.feature.compute.FeatureComputation;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.sweeps}: loads each family's traces from GridFS (claim-check),
 * computes the cell's features, stores family and features, and publishes
 * {@code patchmap.features}. A record that fails goes to {@code patchmap.sweeps.dlq} with its
 * reason, and the next one is processed; a feature that cannot be computed is not a failure.
 * FEATURE_WORKERS families are computed at once; offsets are committed in order once every
 * earlier record is done, so a restart loses none (it may compute a few again: idempotent).
 */
@ApplicationScoped
public class SweepFamilyListener {
    static final String SWEEPS_IN = "sweeps";
    /** The worker pool families are computed on (its size: FEATURE_WORKERS). */
    static final String FEATURE_WORKERS = "feature-workers";

    @Inject
    EventInbox inbox;

    @Inject
    FeatureComputation computation;

    @Incoming(SWEEPS_IN)
    @Blocking(value = FEATURE_WORKERS, ordered = false)
    public void onSweepFamily(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.SWEEPS, SweepFamilyEvent.class, computation::familyArrived);
    }
}
