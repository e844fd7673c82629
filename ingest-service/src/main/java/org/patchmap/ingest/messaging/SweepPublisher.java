package org.patchmap.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.patchmap.messaging.KeyedEvents;
import org.patchmap.events.SweepFamilyEvent;

/** Producer of {@code patchmap.sweeps} (channel {@value #SWEEPS_OUT}): one record per cell, key = its cell id. */
@ApplicationScoped
public class SweepPublisher {
    static final String SWEEPS_OUT = "sweeps-out";

    @Inject
    @Channel(SWEEPS_OUT)
    MutinyEmitter<String> out;

    /** Sends the event and waits for the broker's acknowledgement (throws if it does not come). */
    public void publish(SweepFamilyEvent event) {
        KeyedEvents.send(out, event.cellId(), event);
    }
}
