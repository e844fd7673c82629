package org.patchmap.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.patchmap.messaging.KeyedEvents;
import org.patchmap.events.AssetEvent;

/** Producer of {@code patchmap.assets} (channel {@value #ASSETS_OUT}): one record per file, key = its file key. */
@ApplicationScoped
public class AssetPublisher {
    static final String ASSETS_OUT = "assets-out";

    @Inject
    @Channel(ASSETS_OUT)
    MutinyEmitter<String> out;

    /** Sends the event and waits for the broker's acknowledgement (throws if it does not come). */
    public void publish(AssetEvent event) {
        KeyedEvents.send(out, event.fileKey(), event);
    }
}
