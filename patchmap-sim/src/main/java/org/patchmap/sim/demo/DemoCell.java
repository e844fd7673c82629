package org.patchmap.sim.demo;

import org.patchmap.sim.RecordingConditions;
import org.patchmap.sim.SimulatedCell;

/**
 * One cell of the demo corpus: its lab, the simulated neuron, the subject it came from and the
 * asset path it is published under.
 *
 * @param lab        the lab (and dandiset) that recorded it
 * @param cell       the model neuron with its drawn parameters
 * @param subjectId  the animal or donor, shared by a few cells
 * @param ageDays    the subject's age in days
 * @param female     the subject's sex
 * @param path       the asset path in the dandiset, DANDI's {@code sub-X/sub-X_..._icephys.nwb} style
 * @param conditions temperature, sampling, rig and the seed of the rig's noise
 */
public record DemoCell(DemoLab lab, SimulatedCell cell, String subjectId, int ageDays, boolean female, String path,
                       RecordingConditions conditions) {
}
