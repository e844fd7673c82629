package org.patchmap.core.map;

import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.core.qc.RangeQc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell as the map sees it: its id, its dandiset (null when unknown, e.g. an upload) and its 16 map
 * features after the transforms and range QC of spec section 6.
 *
 * @param cellId   the cell's id
 * @param dandiset dandiset id, or null; imputation looks for donors there first
 * @param features the map features, with the reason of every null one
 */
public record MapCell(String cellId, String dandiset, MapFeatures features) {
    public MapCell {
        if (cellId == null || cellId.isBlank()) {
            throw new IllegalArgumentException("map cell: empty cell id");
        }
        if (features == null) {
            throw new IllegalArgumentException("map cell " + cellId + ": no features");
        }
    }

    /**
     * A cell from its raw ipfx features (names and units of {@link MapFeatures.Input#source()}: input_resistance
     * in MΩ, tau and widths in s, ...); absent or null values are missing. Range QC and the transforms to map
     * units are the core's ({@link RangeQc}, {@link MapFeatures#of}).
     */
    public static MapCell fromRaw(String cellId, String dandiset, Map<String, Double> raw) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (MapFeatures.Input in : MapFeatures.INPUTS) {
            Double v = raw.get(in.source());
            values.put(in.source(), v != null && Double.isFinite(v) ? v : null);
            units.put(in.source(), "");
            if (v == null || !Double.isFinite(v)) {
                reasons.put(in.source(), v == null ? "missing in input" : in.source() + " is " + v);
            }
        }
        CellFeatures checked = RangeQc.apply(new CellFeatures(List.of(), values, units, reasons, Map.of()));
        return new MapCell(cellId, dandiset, MapFeatures.of(checked));
    }

    /** The 16 map values in {@link MapFeatures#NAMES} order, NaN where missing. */
    public double[] vector() {
        double[] v = new double[MapFeatures.NAMES.size()];
        for (int f = 0; f < v.length; f++) {
            Double x = features.values().get(MapFeatures.NAMES.get(f));
            v[f] = x == null ? Double.NaN : x;
        }
        return v;
    }

    /** Why this cell cannot be mapped with {@code minFeatures}, or null when it can. */
    public String leftOffReason(int minFeatures) {
        int present = features.present();
        if (present >= minFeatures) {
            return null;
        }
        StringBuilder why = new StringBuilder();
        features.values().forEach((name, value) -> {
            if (value == null) {
                why.append(why.length() == 0 ? "" : "; ").append(name).append(": ")
                        .append(features.reasons().getOrDefault(name, "missing"));
            }
        });
        return present + " of 16 map features usable, at least " + minFeatures + " needed (" + why + ")";
    }
}
