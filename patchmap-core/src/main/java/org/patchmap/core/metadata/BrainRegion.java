package org.patchmap.core.metadata;

import java.util.List;

/** Placeholder of the region API written in metadata-region (replaced on merge). */
public record BrainRegion(String name, String id, String parentId, List<String> synonyms, List<String> abbreviations) {
}
