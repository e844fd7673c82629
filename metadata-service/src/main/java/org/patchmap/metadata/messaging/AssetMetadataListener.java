package org.patchmap.metadata.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.Topics;
import org.patchmap.metadata.extract.FileMetadataUpdate;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.assets}: keeps each file's DANDI metadata as received, extracts its
 * species, region, age, sex, genotype and temperature, stores them and publishes
 * {@code patchmap.metadata}. A record that fails goes to {@code patchmap.assets.dlq} with its
 * reason; an unavailable MongoDB or broker is retried by the inbox, not dead-lettered.
 */
@ApplicationScoped
public class AssetMetadataListener {
    static final String ASSETS_IN = "assets";

    @Inject
    EventInbox inbox;

    @Inject
    FileMetadataUpdate update;

    @Incoming(ASSETS_IN)
    @Blocking
    public void onAsset(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.ASSETS, AssetEvent.class, update::assetArrived);
    }
}
