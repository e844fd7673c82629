package org.patchmap.core.metadata;

import java.util.List;
import java.util.Optional;

/** Placeholder of the region API written in metadata-region (replaced on merge): an empty vocabulary. */
public final class BrainRegionVocabulary {
    public static BrainRegionVocabulary standard() {
        return new BrainRegionVocabulary();
    }

    public String version() {
        return "placeholder";
    }

    public Optional<BrainRegion> byId(String id) {
        return Optional.empty();
    }

    public Optional<BrainRegion> byName(String name) {
        return Optional.empty();
    }

    public List<BrainRegion> ancestors(BrainRegion region) {
        return List.of();
    }

    public List<BrainRegion> all() {
        return List.of();
    }
}
