package org.patchmap.core.metadata;

import java.util.List;

/**
 * A term of the brain-region vocabulary.
 *
 * @param name          lower case, e.g. {@code primary visual cortex}
 * @param id            {@code UBERON:0002436}, or an Allen Mouse Brain Atlas structure as {@code MBA:385}
 * @param parentId      the enclosing region's id; null for a root
 * @param synonyms      other names, as written in the vocabulary (matched case-insensitively)
 * @param abbreviations e.g. {@code V1}, {@code VISp} (4 characters or fewer: matched case-sensitively)
 */
public record BrainRegion(String name, String id, String parentId, List<String> synonyms, List<String> abbreviations) {
    public BrainRegion {
        synonyms = List.copyOf(synonyms);
        abbreviations = List.copyOf(abbreviations);
    }
}
