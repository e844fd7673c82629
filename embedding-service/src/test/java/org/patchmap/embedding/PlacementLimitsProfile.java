package org.patchmap.embedding;

import java.util.HashMap;
import java.util.Map;

/**
 * The placement limits' application: no map (a placement answers 404, and still counts), the production limits
 * (the test setting turns them off for the other classes) behind a trusted proxy, so that each test is a client of
 * its own.
 */
public class PlacementLimitsProfile extends GatedMapProfile {
    public PlacementLimitsProfile() {
        super("placementlimits");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("%test.patchmap.placements.rate-per-minute", "30");
        config.put("%test.patchmap.placements.concurrent-per-client", "2");
        config.put("patchmap.placements.trust-forwarded", "true");
        return config;
    }
}
