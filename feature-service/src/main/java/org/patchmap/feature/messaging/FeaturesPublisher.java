package org.patchmap.feature.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.patchmap.messaging.KeyedEvents;
import org.patchmap.events.FeaturesEvent;

/**
 * Publishes {@code patchmap.features}, keyed by cell id, and waits for the broker's ack: the
 * sweeps record is committed only once its features are safely on the topic.
 */
@ApplicationScoped
public class FeaturesPublisher {
    static final String FEATURES_OUT = "features-out";

    @Inject
    @Channel(FEATURES_OUT)
    MutinyEmitter<String> out;

    public void publish(FeaturesEvent features) {
        KeyedEvents.send(out, features.cellId(), features);
    }
}
