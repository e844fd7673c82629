package org.patchmap.embedding;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * The living map under test on its own topics and database, so that cells other test classes send never count
 * toward its maps: recompute after 50 cells, 1 s of quiet, at most 5 s; and the map store with a gate before
 * a new version becomes current.
 */
public class MapTestProfile implements QuarkusTestProfile {
    static final String FEATURES = "maptest.features";
    static final String METADATA = "maptest.metadata";
    static final String SWEEPS = "maptest.sweeps";
    static final String MAPS = "maptest.maps";
    static final String DATABASE = "patchmap-maptest";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.mongodb.database", DATABASE),
                Map.entry("mp.messaging.incoming.features.topic", FEATURES),
                Map.entry("mp.messaging.incoming.metadata.topic", METADATA),
                Map.entry("mp.messaging.incoming.sweeps.topic", SWEEPS),
                Map.entry("mp.messaging.outgoing.maps-out.topic", MAPS),
                Map.entry("patchmap.map.recompute-after", "50"),
                Map.entry("patchmap.map.debounce", "1s"),
                Map.entry("patchmap.map.max-wait", "5s"));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(GatedMapStore.class);
    }
}
