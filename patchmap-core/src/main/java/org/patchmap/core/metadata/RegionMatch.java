package org.patchmap.core.metadata;

/** Placeholder of the region API written in metadata-region (replaced on merge). */
public record RegionMatch(BrainRegion region, String evidence, double confidence) {
}
