package org.patchmap.feature.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

/**
 * Consumer of {@code patchmap.sweeps}: loads each family's traces from GridFS (claim-check),
 * checks them against the event and records the family. A record that fails goes to
 * {@code patchmap.sweeps.dlq} with its reason and the next one is processed.
 */
@ApplicationScoped
public class SweepFamilyListener {
    static final String SWEEPS_IN = "sweeps";
    private static final Logger LOG = Logger.getLogger(SweepFamilyListener.class);

    @Inject
    TraceStore traces;

    @Inject
    SweepFamilyStore families;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry registry;

    @Incoming(SWEEPS_IN)
    @Blocking
    public void onSweepFamily(ConsumerRecord<String, String> record) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "ok";
        try {
            SweepFamilyEvent family = EventJson.read(Topics.SWEEPS, record.value(), SweepFamilyEvent.class);
            families.save(family, traces.load(family));
            LOG.infof("family of %s recorded: %d sweeps at %.0f Hz", family.cellId(), family.sweeps().size(),
                    family.samplingRateHz());
        } catch (RuntimeException e) {
            outcome = "dead_letter";
            deadLetters.send(record, e);
        } finally {
            sample.stop(registry.timer("patchmap.record.duration", "topic", Topics.SWEEPS));
            registry.counter("patchmap.records", "topic", Topics.SWEEPS, "outcome", outcome).increment();
        }
    }
}
