package org.patchmap.embedding;

/** The map lifecycle's application: it starts without a map and sees every map it builds. */
public class MapLifecycleProfile extends GatedMapProfile {
    public static final MapLifecycleProfile TOPICS = new MapLifecycleProfile();

    public MapLifecycleProfile() {
        super("maplife");
    }
}
