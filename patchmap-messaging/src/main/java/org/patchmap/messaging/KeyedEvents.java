package org.patchmap.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.patchmap.events.EventJson;

/**
 * The one way services publish an event: as JSON, under its Kafka key, waiting for the broker's
 * acknowledgement, so the record that caused it is committed only once the event is safely on
 * its topic (throws when the ack does not come).
 */
public final class KeyedEvents {
    private KeyedEvents() {
    }

    public static void send(MutinyEmitter<String> out, String key, Object event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).build();
        out.sendMessageAndAwait(Message.of(EventJson.write(event)).addMetadata(metadata));
    }
}
