package org.patchmap.metadata.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.Topics;
import org.patchmap.metadata.store.AssetMetadataStore;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.assets}: keeps each file's DANDI metadata as received, the input
 * of the species, region and age extraction. A record that fails goes to
 * {@code patchmap.assets.dlq} with its reason.
 */
@ApplicationScoped
public class AssetMetadataListener {
    static final String ASSETS_IN = "assets";
    private static final Logger LOG = Logger.getLogger(AssetMetadataListener.class);

    @Inject
    EventInbox inbox;

    @Inject
    AssetMetadataStore store;

    @Incoming(ASSETS_IN)
    @Blocking
    public void onAsset(ConsumerRecord<String, String> record) {
        inbox.process(record, json -> {
            AssetEvent asset = EventJson.read(Topics.ASSETS, json, AssetEvent.class);
            store.save(asset);
            LOG.infof("metadata of %s kept (%d top-level fields)", asset.fileKey(), asset.assetMetadata().size());
        });
    }
}
