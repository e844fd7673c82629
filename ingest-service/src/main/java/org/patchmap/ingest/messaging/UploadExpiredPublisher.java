package org.patchmap.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.patchmap.events.UploadExpiredEvent;
import org.patchmap.messaging.KeyedEvents;

/** Producer of {@code patchmap.uploads.expired} (channel {@value #EXPIRED_OUT}): key = the file key. */
@ApplicationScoped
public class UploadExpiredPublisher {
    static final String EXPIRED_OUT = "uploads-expired-out";

    @Inject
    @Channel(EXPIRED_OUT)
    MutinyEmitter<String> out;

    /** Sends the event and waits for the broker's acknowledgement (throws if it does not come). */
    public void publish(UploadExpiredEvent event) {
        KeyedEvents.send(out, event.fileKey(), event);
    }
}
