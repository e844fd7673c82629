package org.patchmap.metadata.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.patchmap.messaging.KeyedEvents;
import org.patchmap.events.MetadataEvent;

/**
 * Publishes {@code patchmap.metadata}, keyed by the file key, and waits for the broker's ack:
 * the asset record is committed only once its metadata is safely on the topic.
 */
@ApplicationScoped
public class MetadataPublisher {
    static final String METADATA_OUT = "metadata-out";

    @Inject
    @Channel(METADATA_OUT)
    MutinyEmitter<String> out;

    public void publish(MetadataEvent metadata) {
        KeyedEvents.send(out, metadata.cellId(), metadata);
    }
}
