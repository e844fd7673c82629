package org.patchmap.embedding.messaging;

import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.patchmap.events.MapEvent;
import org.patchmap.messaging.KeyedEvents;

/**
 * Publishes {@code patchmap.maps} (a new map version, a placement), keyed as {@link MapEvent#key()}, and
 * tells the browsers listening on {@code /api/maps/events} when a new map is live.
 */
@ApplicationScoped
public class MapPublisher {
    static final String MAPS_OUT = "maps-out";

    @Inject
    @Channel(MAPS_OUT)
    MutinyEmitter<String> out;

    private final BroadcastProcessor<MapEvent> live = BroadcastProcessor.create();

    public void publish(MapEvent event) {
        KeyedEvents.send(out, event.key(), event);
        if (MapEvent.KIND_MAP_VERSION.equals(event.kind())) {
            live.onNext(event);
        }
    }

    /** New map versions from now on (server-sent events). */
    public Multi<MapEvent> newMaps() {
        return live;
    }
}
