package org.patchmap.ingest.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.Topics;
import org.patchmap.ingest.store.AssetLedger;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.assets}: enters each file into the asset ledger, which decides
 * later whether a file must be downloaded and extracted or was already seen with this digest.
 * A record that fails goes to {@code patchmap.assets.dlq} with its reason.
 */
@ApplicationScoped
public class AssetListener {
    static final String ASSETS_IN = "assets";
    private static final Logger LOG = Logger.getLogger(AssetListener.class);

    @Inject
    EventInbox inbox;

    @Inject
    AssetLedger ledger;

    @Incoming(ASSETS_IN)
    @Blocking
    public void onAsset(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.ASSETS, AssetEvent.class, asset -> {
            AssetLedger.Entry entry = ledger.record(asset);
            LOG.infof("asset %s (%s, %d bytes): %s", asset.fileKey(), asset.digest(), asset.sizeBytes(),
                    entry.status().wire());
        });
    }
}
