package org.patchmap.core.metadata;

import java.util.List;
import java.util.Optional;

/** Placeholder of the region API written in metadata-region (replaced on merge): matches nothing. */
public final class RegionMatcher {
    public RegionMatcher(BrainRegionVocabulary vocabulary) {
    }

    public static RegionMatcher standard() {
        return new RegionMatcher(BrainRegionVocabulary.standard());
    }

    public Optional<RegionMatch> match(List<String> texts) {
        return Optional.empty();
    }
}
