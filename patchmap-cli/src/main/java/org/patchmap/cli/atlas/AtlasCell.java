package org.patchmap.cli.atlas;

import org.patchmap.sim.SimulatedCell;

import java.util.Map;

/**
 * One simulated cell of the benchmark atlas: its truth, how it was recorded, and its raw cell features
 * (ipfx names and units, null where not computable) or why it has none.
 *
 * @param cell       the simulated cell (its type is the truth the map is judged against)
 * @param lab        how it was recorded
 * @param features   raw feature values, or null when the analysis failed
 * @param failure    why the analysis failed, or null
 */
public record AtlasCell(SimulatedCell cell, LabConditions lab, Map<String, Double> features, String failure) {
    public boolean analysed() {
        return features != null;
    }

    /** A raw feature's value, NaN where missing. */
    public double value(String name) {
        Double v = features == null ? null : features.get(name);
        return v == null ? Double.NaN : v;
    }
}
