package org.patchmap.embedding;

import java.util.HashMap;
import java.util.Map;

/**
 * The atlas API's application: one map of the {@link AtlasFixture} cells; the page told to upload to another origin
 * ({@code ATLAS_INGEST_URL}) and to read features from its own.
 */
public class MapTestProfile extends GatedMapProfile {
    public static final MapTestProfile TOPICS = new MapTestProfile();

    public MapTestProfile() {
        super("maptest");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("ATLAS_INGEST_URL", "http://localhost:18081/");
        return config;
    }
}
