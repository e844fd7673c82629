package org.patchmap.embedding;

import java.util.HashMap;
import java.util.Map;

/**
 * One replica ({@code embedding-test}) of several: the lease and follow timers are an hour away, so the test
 * moves the lease and runs the follow step itself.
 */
public class MapFollowerProfile extends GatedMapProfile {
    public static final MapFollowerProfile TOPICS = new MapFollowerProfile();

    public MapFollowerProfile() {
        super("mapfollower");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("patchmap.map.builder-lease-ttl", "2h");
        config.put("patchmap.map.builder-lease-renew-every", "1h");
        config.put("patchmap.map.follow-every", "1h");
        config.put("patchmap.map.instance-id", "embedding-test");
        return config;
    }
}
