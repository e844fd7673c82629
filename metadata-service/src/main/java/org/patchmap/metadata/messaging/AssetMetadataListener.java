package org.patchmap.metadata.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.Topics;
import org.patchmap.metadata.extract.FileMetadataExtraction;
import org.patchmap.metadata.store.AssetMetadataStore;
import org.patchmap.metadata.store.CellMetadataStore;
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
    private static final Logger LOG = Logger.getLogger(AssetMetadataListener.class);

    @Inject
    EventInbox inbox;

    @Inject
    AssetMetadataStore store;

    @Inject
    FileMetadataExtraction extraction;

    @Inject
    CellMetadataStore metadata;

    @Inject
    MetadataPublisher publisher;

    @Incoming(ASSETS_IN)
    @Blocking
    public void onAsset(ConsumerRecord<String, String> record) {
        inbox.process(record, json -> {
            AssetEvent asset = EventJson.read(Topics.ASSETS, json, AssetEvent.class);
            store.save(asset);
            MetadataEvent extracted = extraction.extract(asset);
            metadata.save(extracted);
            publisher.publish(extracted);
            LOG.infof("metadata of %s: species %s, region %s", asset.fileKey(),
                    extracted.species() == null ? "unknown" : extracted.species().label(),
                    extracted.brainRegion() == null ? "unknown" : extracted.brainRegion().label());
        });
    }
}
