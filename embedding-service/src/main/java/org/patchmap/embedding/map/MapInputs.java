package org.patchmap.embedding.map;

import org.bson.Document;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.map.MapCell;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.core.qc.RangeQc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored {@code cell_features} document (a {@code patchmap.features} event) as the map sees it: the
 * raw ipfx values with the event's own reasons for the null ones, then the core's range QC and
 * transforms ({@link RangeQc}, {@link MapFeatures#of}). No science here beyond reading the document.
 */
public final class MapInputs {
    private MapInputs() {
    }

    /** The map cell of a features document; its dandiset comes from the features' provenance. */
    public static MapCell cell(Document featuresDoc) {
        return cell(featuresDoc.getString("_id"), dandiset(featuresDoc), raw(featuresDoc), reasons(featuresDoc));
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

    /** Feature name → raw value (null when not computable), every feature of the document. */
    public static Map<String, Double> raw(Document featuresDoc) {
        Map<String, Double> raw = new LinkedHashMap<>();
        Document features = featuresDoc.get("features", Document.class);
        if (features != null) {
            features.forEach((name, v) -> raw.put(name, number(((Document) v).get("value"))));
        }
        return raw;
    }

    static Map<String, String> reasons(Document featuresDoc) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Document qc = featuresDoc.get("qc", Document.class);
        if (qc != null) {
            qc.forEach((name, why) -> reasons.put(name, String.valueOf(why)));
        }
        return reasons;
    }

    /** The dandiset id of a features document, null for uploads. */
    public static String dandiset(Document featuresDoc) {
        Document provenance = featuresDoc.get("provenance", Document.class);
        return provenance == null ? null : provenance.getString("dandisetId");
    }

    static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
