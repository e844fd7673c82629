package org.patchmap.embedding.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.patchmap.embedding.map.LivingMap;
import org.patchmap.embedding.store.CellStore;
import org.patchmap.embedding.store.DisplayTraceIndex;
import org.patchmap.embedding.store.MapStore;
import org.patchmap.events.Topics;
import org.patchmap.events.UploadExpiredEvent;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.uploads.expired}: deletes the expired file's cells ({@code fileKey},
 * {@code fileKey#n}) from {@code cell_features}, {@code reference_marks}, {@code file_metadata},
 * {@code cell_traces} and {@code placements} (every version), and tells the living map, which drops them from the
 * next build's count and serves the map again without them. The API then answers 404 for them. A second event
 * for the same file finds nothing to delete.
 */
@ApplicationScoped
public class UploadExpiredListener {
    static final String EXPIRED_IN = "uploads-expired";
    private static final Logger LOG = Logger.getLogger(UploadExpiredListener.class);

    @Inject
    EventInbox inbox;

    @Inject
    CellStore cells;

    @Inject
    DisplayTraceIndex traces;

    @Inject
    MapStore maps;

    @Inject
    LivingMap map;

    @Incoming(EXPIRED_IN)
    @Blocking
    public void onUploadExpired(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.UPLOADS_EXPIRED, UploadExpiredEvent.class, this::delete);
    }

    void delete(UploadExpiredEvent expired) {
        String pattern = expired.cellIdPattern();
        long documents = cells.deleteMatching(pattern);
        long traceEntries = traces.deleteCells(pattern);
        long placements = maps.deletePlacements(pattern);
        map.forget(expired::isCellOfFile);
        LOG.infof("upload %s expired: %d cell and file documents, %d trace entries and %d placements deleted",
                expired.fileKey(), documents, traceEntries, placements);
    }
}
