package org.patchmap.core.metadata;

/**
 * The region a text supports.
 *
 * @param region     the vocabulary term
 * @param evidence   the exact text span matched ("layer 5 of mouse primary visual cortex" gives
 *                   {@code primary visual cortex}); for a common ancestor of several mentions, their
 *                   spans joined by {@code ", "} ({@code CA1, CA3})
 * @param confidence 0..1: lower for adjectives ("cortical"), later texts, and conflicting mentions
 */
public record RegionMatch(BrainRegion region, String evidence, double confidence) {
}
