package org.patchmap.embedding.store;

/**
 * What the atlas table shows of a file's metadata.
 *
 * @param species       species label, null when unknown
 * @param region        brain region label, null when unknown
 * @param simulatedType the simulated cell's model type, null for a real cell
 * @param ageDays       the animal's age in days, null when unknown
 * @param temperatureC  the recording temperature in degrees Celsius, null when unknown
 * @param lab           the lab that recorded the cell, null when unknown
 */
public record FileLabels(String species, String region, String simulatedType, Double ageDays, Double temperatureC,
                         String lab) {
}
