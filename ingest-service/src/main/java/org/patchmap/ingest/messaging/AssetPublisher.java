package org.patchmap.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;

/** Producer of {@code patchmap.assets} (channel {@value #ASSETS_OUT}): one record per file, key = its file key. */
@ApplicationScoped
public class AssetPublisher {
    static final String ASSETS_OUT = "assets-out";

    @Inject
    @Channel(ASSETS_OUT)
    MutinyEmitter<String> out;

    /** Sends the event and waits for the broker's acknowledgement (throws if it does not come). */
    public void publish(AssetEvent event) {
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.fileKey()).build();
        out.sendMessageAndAwait(Message.of(EventJson.write(event)).addMetadata(key));
    }
}
