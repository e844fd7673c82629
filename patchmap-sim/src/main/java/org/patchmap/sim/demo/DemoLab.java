package org.patchmap.sim.demo;

import org.patchmap.sim.CellType;
import org.patchmap.sim.LongSquareProtocol;

import java.util.Map;

/**
 * One simulated lab and the demo dandiset it publishes: what it records from (species, region in
 * words, genotype, ages), how (temperature, sampling rate, protocol, noise, file layout) and which
 * cell types it meets, with their relative numbers.
 *
 * @param dandisetId   six digits, like DANDI's
 * @param title        the dandiset's name; says that the recordings are simulated
 * @param region       the brain region in words, as a dandiset's description states it
 * @param species      the animals
 * @param genotype     stated on every subject
 * @param minAgeDays   youngest subject, days
 * @param maxAgeDays   oldest subject, days
 * @param temperatureC bath temperature
 * @param rateHz       sampling rate (10, 20, 25 or 50 kHz)
 * @param protocol     the long-square family every cell gets
 * @param noiseMv      white noise of the rig, mV (σ)
 * @param format       how the lab's files are written
 * @param typeWeights  relative number of cells of each type
 * @param share        relative number of cells of the whole corpus this lab holds
 */
public record DemoLab(String dandisetId, String title, String region, Species species, String genotype,
                      int minAgeDays, int maxAgeDays, double temperatureC, double rateHz, LongSquareProtocol protocol,
                      double noiseMv, DemoFileFormat format, Map<CellType, Integer> typeWeights, int share) {
    public DemoLab {
        typeWeights = Map.copyOf(typeWeights);
        if (!dandisetId.matches("\\d{6}") || share <= 0 || typeWeights.isEmpty() || minAgeDays > maxAgeDays) {
            throw new IllegalArgumentException("demo lab " + dandisetId + ": invalid definition");
        }
    }
}
