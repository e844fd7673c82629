package org.patchmap.feature.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.patchmap.events.EventJson;
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
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(features.cellId()).build();
        out.sendMessageAndAwait(Message.of(EventJson.write(features)).addMetadata(key));
    }
}
