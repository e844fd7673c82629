package org.patchmap.embedding;

/** The atlas API's application: one map of the {@link AtlasFixture} cells. */
public class MapTestProfile extends GatedMapProfile {
    public static final MapTestProfile TOPICS = new MapTestProfile();

    public MapTestProfile() {
        super("maptest");
    }
}
