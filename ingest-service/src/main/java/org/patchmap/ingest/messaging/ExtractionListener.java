package org.patchmap.ingest.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.Topics;
import org.patchmap.ingest.extract.AssetExtractor;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.assets} for extraction (channel {@value #ASSETS_EXTRACT}, its own
 * consumer group {@code ingest-extract}, so that the ledger's consumer never waits for a
 * download): each asset becomes its family on {@code patchmap.sweeps}. A file without a family
 * is an outcome, not a failure; a failure (download, digest, bug) goes to
 * {@code patchmap.assets.dlq} with its reason, and the next asset is processed. An asset whose
 * extraction ended the process too often (out of memory) is recorded as failed before its dead letter.
 */
@ApplicationScoped
public class ExtractionListener {
    static final String ASSETS_EXTRACT = "assets-extract";
    /** The worker pool extractions run on (its size: INGEST_EXTRACTION_WORKERS). */
    static final String EXTRACTION_WORKERS = "extraction-workers";
    /** Its consumer group (mp.messaging.incoming.assets-extract.group.id): the inbox counts its attempts apart. */
    static final String GROUP = "ingest-extract";

    @Inject
    EventInbox inbox;

    @Inject
    AssetExtractor extractor;

    @Incoming(ASSETS_EXTRACT)
    @Blocking(value = EXTRACTION_WORKERS, ordered = false)
    public void onAsset(ConsumerRecord<String, String> record) {
        inbox.process(record, GROUP, Topics.ASSETS, AssetEvent.class, extractor::extract, extractor::crashed);
    }
}
