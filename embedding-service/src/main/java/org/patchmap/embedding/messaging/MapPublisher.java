package org.patchmap.embedding.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.patchmap.events.MapEvent;
import org.patchmap.messaging.KeyedEvents;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    /**
     * One emitter per open event stream. A stream is in this list as soon as it is counted by
     * {@link #listeners()}, so it gets every map published after that.
     */
    private final List<MultiEmitter<? super MapEvent>> streams = new CopyOnWriteArrayList<>();

    public void publish(MapEvent event) {
        KeyedEvents.send(out, event.key(), event);
        if (MapEvent.KIND_MAP_VERSION.equals(event.kind())) {
            streams.forEach(s -> s.emit(event));
        }
    }

    /** New map versions from now on (server-sent events). */
    public Multi<MapEvent> newMaps() {
        return Multi.createFrom().emitter(stream -> {
            streams.add(stream);
            stream.onTermination(() -> streams.remove(stream));
        });
    }

    /** The event streams open now. */
    public int listeners() {
        return streams.size();
    }
}
