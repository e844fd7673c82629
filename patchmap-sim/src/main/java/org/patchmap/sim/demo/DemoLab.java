package org.patchmap.sim.demo;

import org.patchmap.sim.CellType;
import org.patchmap.sim.LongSquareProtocol;
import org.patchmap.sim.Protocol;
import org.patchmap.sim.Rig;

import java.util.List;
import java.util.Map;

/**
 * One simulated lab and the demo dandiset it publishes: what it records from (species, region in
 * words, genotype, ages), how (temperature, sampling rate, protocol, noise, file layout) and which
 * cell types it meets, with their relative numbers.
 *
 * @param dandisetId   six digits, like DANDI's
 * @param name         the invented lab's name, written into its files' /general/lab; starts with "Simulated"
 * @param title        the dandiset's name; says that the recordings are simulated
 * @param region       the brain region in words, as a dandiset's description states it
 * @param species      the animals
 * @param genotype     stated on every subject
 * @param minAgeDays   youngest subject, days
 * @param maxAgeDays   oldest subject, days
 * @param temperatureC bath temperature
 * @param rateHz       sampling rate (10, 20, 25 or 50 kHz)
 * @param protocol     the long-square family every cell gets
 * @param others       the protocols recorded after it in the same file (short squares...), maybe none
 * @param rig          what the lab's rig adds (noise, bridge balance, digitiser step, test pulse...)
 * @param format       how the lab's files are written
 * @param typeWeights  relative number of cells of each type
 * @param share        relative number of cells of the whole corpus this lab holds
 */
public record DemoLab(String dandisetId, String name, String title, String region, Species species, String genotype,
                      int minAgeDays, int maxAgeDays, double temperatureC, double rateHz, LongSquareProtocol protocol,
                      List<Protocol> others, Rig rig, DemoFileFormat format, Map<CellType, Integer> typeWeights, int share) {
    public DemoLab {
        typeWeights = Map.copyOf(typeWeights);
        others = List.copyOf(others);
        if (!dandisetId.matches("\\d{6}") || !name.startsWith("Simulated ") || share <= 0 || typeWeights.isEmpty()
                || minAgeDays > maxAgeDays) {
            throw new IllegalArgumentException("demo lab " + dandisetId + ": invalid definition");
        }
    }

    /** Every protocol of a cell's file, the long squares first. */
    public List<Protocol> protocols() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(protocol), others.stream()).toList();
    }
}
