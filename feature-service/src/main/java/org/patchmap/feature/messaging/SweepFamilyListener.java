package org.patchmap.feature.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.feature.store.SweepFamilyStore;
import org.patchmap.feature.store.TraceStore;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.sweeps}: loads each family's traces from GridFS (claim-check),
 * checks them against the event and records the family. A record that fails goes to
 * {@code patchmap.sweeps.dlq} with its reason, and the next one is processed.
 */
@ApplicationScoped
public class SweepFamilyListener {
    static final String SWEEPS_IN = "sweeps";
    private static final Logger LOG = Logger.getLogger(SweepFamilyListener.class);

    @Inject
    EventInbox inbox;

    @Inject
    TraceStore traces;

    @Inject
    SweepFamilyStore families;

    @Incoming(SWEEPS_IN)
    @Blocking
    public void onSweepFamily(ConsumerRecord<String, String> record) {
        inbox.process(record, json -> {
            SweepFamilyEvent family = EventJson.read(Topics.SWEEPS, json, SweepFamilyEvent.class);
            families.save(family, traces.load(family));
            LOG.infof("family of %s recorded: %d sweeps at %.0f Hz", family.cellId(), family.sweeps().size(),
                    family.samplingRateHz());
        });
    }
}
