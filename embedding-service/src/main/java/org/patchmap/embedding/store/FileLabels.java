package org.patchmap.embedding.store;

/**
 * What the atlas table shows of a file's metadata.
 *
 * @param species       species label, null when unknown
 * @param region        brain region label, null when unknown
 * @param simulatedType the simulated cell's model type, null for a real cell
 */
public record FileLabels(String species, String region, String simulatedType) {
}
