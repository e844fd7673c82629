package org.patchmap.embedding;

/** The map lifecycle's application: it starts without a map, sees every map it builds and keeps two. */
public class MapLifecycleProfile extends GatedMapProfile {
    public static final MapLifecycleProfile TOPICS = new MapLifecycleProfile();

    public MapLifecycleProfile() {
        super("maplife");
    }

    /** Two versions kept, so that the third map deletes the first. */
    @Override
    public java.util.Map<String, String> getConfigOverrides() {
        java.util.Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
        overrides.put("patchmap.map.keep-versions", "2");
        return overrides;
    }
}
