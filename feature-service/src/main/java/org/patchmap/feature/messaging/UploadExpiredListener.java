package org.patchmap.feature.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.patchmap.events.Topics;
import org.patchmap.events.UploadExpiredEvent;
import org.patchmap.feature.store.CellFeatureStore;
import org.patchmap.feature.store.SweepFamilyStore;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.uploads.expired}: deletes the expired file's cells ({@code fileKey},
 * {@code fileKey#n}) from {@code features} and {@code sweep_families}, so the API answers 404 for them. A
 * second event for the same file finds nothing to delete.
 */
@ApplicationScoped
public class UploadExpiredListener {
    static final String EXPIRED_IN = "uploads-expired";
    private static final Logger LOG = Logger.getLogger(UploadExpiredListener.class);

    @Inject
    EventInbox inbox;

    @Inject
    CellFeatureStore features;

    @Inject
    SweepFamilyStore families;

    @Incoming(EXPIRED_IN)
    @Blocking
    public void onUploadExpired(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.UPLOADS_EXPIRED, UploadExpiredEvent.class, this::delete);
    }

    void delete(UploadExpiredEvent expired) {
        long f = features.deleteCells(expired.cellIdPattern());
        long s = families.deleteCells(expired.cellIdPattern());
        LOG.infof("upload %s expired: %d features and %d families deleted", expired.fileKey(), f, s);
    }
}
