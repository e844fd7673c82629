package org.patchmap.embedding.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.patchmap.embedding.map.LivingMap;
import org.patchmap.embedding.store.CellStore;
import org.patchmap.embedding.store.DisplayTraceIndex;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.features} and {@code patchmap.metadata}, the two inputs of the map, kept per
 * cell (features) and per file (metadata) and joined on read; each stored features event goes to the living
 * map (counted toward the next map, placed on the current one). Also {@code patchmap.sweeps}, for the one
 * thing the atlas needs from it: where each cell's display traces are. Failures go to
 * {@code <topic>.dlq}.
 */
@ApplicationScoped
public class CellInputListener {
    static final String FEATURES_IN = "features";
    static final String METADATA_IN = "metadata";
    static final String SWEEPS_IN = "sweeps";

    @Inject
    EventInbox inbox;

    @Inject
    CellStore cells;

    @Inject
    DisplayTraceIndex traces;

    @Inject
    LivingMap map;

    @Incoming(FEATURES_IN)
    @Blocking
    public void onFeatures(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.FEATURES, FeaturesEvent.class, features -> {
            cells.saveFeatures(features);
            map.arrived(features);
        });
    }

    @Incoming(METADATA_IN)
    @Blocking
    public void onMetadata(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.METADATA, MetadataEvent.class, cells::saveMetadata);
    }

    @Incoming(SWEEPS_IN)
    @Blocking
    public void onSweeps(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.SWEEPS, SweepFamilyEvent.class, traces::saveFamily);
    }
}
