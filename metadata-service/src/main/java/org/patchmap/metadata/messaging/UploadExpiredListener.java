package org.patchmap.metadata.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.patchmap.events.Topics;
import org.patchmap.events.UploadExpiredEvent;
import org.patchmap.messaging.EventInbox;
import org.patchmap.metadata.store.AssetMetadataStore;
import org.patchmap.metadata.store.CellMetadataStore;
import org.patchmap.metadata.store.FileSubjectStore;

/**
 * Consumer of {@code patchmap.uploads.expired}: deletes what the service keeps of the expired file
 * ({@code metadata}, {@code asset_metadata}, {@code file_subjects}), so the API answers 404 for it. A second
 * event for the same file finds nothing to delete.
 */
@ApplicationScoped
public class UploadExpiredListener {
    static final String EXPIRED_IN = "uploads-expired";
    private static final Logger LOG = Logger.getLogger(UploadExpiredListener.class);

    @Inject
    EventInbox inbox;

    @Inject
    CellMetadataStore metadata;

    @Inject
    AssetMetadataStore assets;

    @Inject
    FileSubjectStore subjects;

    @Incoming(EXPIRED_IN)
    @Blocking
    public void onUploadExpired(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.UPLOADS_EXPIRED, UploadExpiredEvent.class, this::delete);
    }

    void delete(UploadExpiredEvent expired) {
        String pattern = expired.cellIdPattern();
        long m = metadata.deleteMatching(pattern);
        long a = assets.deleteMatching(pattern);
        long s = subjects.deleteMatching(pattern);
        LOG.infof("upload %s expired: %d metadata, %d asset metadata and %d file subjects deleted", expired.fileKey(),
                m, a, s);
    }
}
