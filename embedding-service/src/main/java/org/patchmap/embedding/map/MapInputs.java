package org.patchmap.embedding.map;

import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.core.qc.RangeQc;
import org.patchmap.events.FeaturesEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code patchmap.features} event as the map sees it: the raw ipfx values with the event's own reasons for
 * the null ones, then the core's range QC and transforms ({@link RangeQc}, {@link MapFeatures#of}). No science
 * here beyond reading the event.
 */
public final class MapInputs {
    private MapInputs() {
    }

    /** The map cell of a features event; its dandiset comes from the features' provenance. */
    public static MapCell cell(FeaturesEvent features) {
        return cell(features.cellId(), features.provenance().dandisetId(), raw(features), features.qc());
    }

    /** A map cell from raw ipfx values (null or absent = missing) with the reasons of the missing ones. */
    public static MapCell cell(String cellId, String dandiset, Map<String, Double> raw, Map<String, String> reasons) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (MapFeatures.Input in : MapFeatures.INPUTS) {
            Double v = raw.get(in.source());
            boolean usable = v != null && Double.isFinite(v);
            values.put(in.source(), usable ? v : null);
            units.put(in.source(), "");
            if (!usable) {
                why.put(in.source(), reasons.getOrDefault(in.source(), "not in the features event"));
            }
        }
        CellFeatures checked = RangeQc.apply(new CellFeatures(List.of(), values, units, why, Map.of()));
        return new MapCell(cellId, dandiset, MapFeatures.of(checked));
    }

    /** Feature name → raw value (null when not computable), every feature of the event. */
    public static Map<String, Double> raw(FeaturesEvent features) {
        Map<String, Double> raw = new LinkedHashMap<>();
        features.features().forEach((name, v) -> raw.put(name, v.value()));
        return raw;
    }
}
