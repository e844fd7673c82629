package org.patchmap.embedding.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.patchmap.embedding.store.CellStore;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.Topics;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.features} and {@code patchmap.metadata}: the two inputs of the map,
 * kept per cell (features) and per file (metadata) and joined on read. Failures go to
 * {@code patchmap.features.dlq} or {@code patchmap.metadata.dlq}.
 */
@ApplicationScoped
public class CellInputListener {
    static final String FEATURES_IN = "features";
    static final String METADATA_IN = "metadata";

    @Inject
    EventInbox inbox;

    @Inject
    CellStore cells;

    @Incoming(FEATURES_IN)
    @Blocking
    public void onFeatures(ConsumerRecord<String, String> record) {
        inbox.process(record, json -> cells.saveFeatures(EventJson.read(Topics.FEATURES, json, FeaturesEvent.class)));
    }

    @Incoming(METADATA_IN)
    @Blocking
    public void onMetadata(ConsumerRecord<String, String> record) {
        inbox.process(record, json -> cells.saveMetadata(EventJson.read(Topics.METADATA, json, MetadataEvent.class)));
    }
}
