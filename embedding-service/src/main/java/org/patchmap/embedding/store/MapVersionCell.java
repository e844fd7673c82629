package org.patchmap.embedding.store;

import org.patchmap.core.map.MapCell;
import org.patchmap.core.map.MappedCell;
import org.patchmap.core.qc.MapFeatures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cell of a stored map version: where the build put it and the 16 map inputs it was built from.
 *
 * @param mapVersion the version
 * @param order      its place in the build's input order
 * @param cell       position, PCA, cluster, component, imputed features, neighbours
 * @param values     the 16 map inputs in {@link MapFeatures#NAMES} order (map units), null where missing
 */
public record MapVersionCell(String mapVersion, int order, MappedCell cell, List<Double> values) {
    public MapVersionCell {
        values = Collections.unmodifiableList(values);
    }

    /** The map cell this one was built from. */
    public MapCell input() {
        Map<String, Double> inputs = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (int f = 0; f < MapFeatures.NAMES.size(); f++) {
            String name = MapFeatures.NAMES.get(f);
            inputs.put(name, values.get(f));
            units.put(name, MapFeatures.INPUTS.get(f).unit());
            if (values.get(f) == null) {
                reasons.put(name, "missing when the map was built");
            }
        }
        return new MapCell(cell.cellId(), cell.dandiset(), new MapFeatures(inputs, units, reasons));
    }
}
