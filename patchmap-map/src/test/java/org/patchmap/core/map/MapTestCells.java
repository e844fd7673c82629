package org.patchmap.core.map;

import org.patchmap.core.qc.MapFeatures;

import java.util.LinkedHashMap;
import java.util.Map;

/** Cells built directly in map units (after the spec-6 transforms), for tests that shape feature space. */
final class MapTestCells {
    private MapTestCells() {
    }

    /** A cell whose 16 map values are {@code v} in {@link MapFeatures#NAMES} order (NaN = missing). */
    static MapCell cell(String id, String dandiset, double[] v) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (int f = 0; f < v.length; f++) {
            String name = MapFeatures.NAMES.get(f);
            values.put(name, Double.isNaN(v[f]) ? null : v[f]);
            units.put(name, MapFeatures.INPUTS.get(f).unit());
            if (Double.isNaN(v[f])) {
                reasons.put(name, "missing in test");
            }
        }
        return new MapCell(id, dandiset, new MapFeatures(values, units, reasons));
    }
}
