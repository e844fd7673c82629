package org.patchmap.embedding;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.patchmap.embedding.store.GatedMapStore;

import java.util.Map;
import java.util.Set;

/**
 * A living map under test on its own topics and database ({@code <name>.features}, ..., {@code patchmap-<name>}),
 * so that cells other test classes send never count toward its maps: recompute after 50 cells, 1 s of quiet, at
 * most 5 s; and the map store with a gate before a new version becomes current. Each profile is its own
 * application, with its own map history.
 */
public abstract class GatedMapProfile implements QuarkusTestProfile {
    private final String name;

    protected GatedMapProfile(String name) {
        this.name = name;
    }

    public String features() {
        return name + ".features";
    }

    public String metadata() {
        return name + ".metadata";
    }

    public String sweeps() {
        return name + ".sweeps";
    }

    public String maps() {
        return name + ".maps";
    }

    public String database() {
        return "patchmap-" + name;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.mongodb.database", database()),
                Map.entry("mp.messaging.incoming.features.topic", features()),
                Map.entry("mp.messaging.incoming.metadata.topic", metadata()),
                Map.entry("mp.messaging.incoming.sweeps.topic", sweeps()),
                Map.entry("mp.messaging.outgoing.maps-out.topic", maps()),
                Map.entry("patchmap.map.recompute-after", "50"),
                Map.entry("patchmap.map.debounce", "1s"),
                Map.entry("patchmap.map.max-wait", "5s"));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(GatedMapStore.class);
    }
}
