package org.patchmap.embedding;

/** The application of the pointer-flip tests: it counts its own cells from the first map on. */
public class MapSwitchProfile extends GatedMapProfile {
    public static final MapSwitchProfile TOPICS = new MapSwitchProfile();

    public MapSwitchProfile() {
        super("mapswitch");
    }
}
