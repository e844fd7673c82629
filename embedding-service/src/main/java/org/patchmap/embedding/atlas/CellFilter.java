package org.patchmap.embedding.atlas;

import org.patchmap.core.qc.MapFeatures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters of {@code GET /api/cells}: dandiset, species, region (case-insensitive, exact), cluster,
 * {@code <feature>_min} / {@code <feature>_max} on one of the 16 map inputs (map units) or any ipfx cell
 * feature (raw units), and {@code polygon} ({@code x1,y1,x2,y2,...} in map coordinates, {@link MapPolygon}). A cell
 * without the feature does not match a range on it.
 */
public final class CellFilter {
    private final String dandiset;
    private final String species;
    private final String region;
    private final Integer cluster;
    private final Map<String, double[]> ranges;
    private final MapPolygon polygon;

    private CellFilter(String dandiset, String species, String region, Integer cluster, Map<String, double[]> ranges,
                       MapPolygon polygon) {
        this.dandiset = dandiset;
        this.species = species;
        this.region = region;
        this.cluster = cluster;
        this.ranges = ranges;
        this.polygon = polygon;
    }

    /**
     * @param query every query parameter (the first value of each)
     * @throws IllegalArgumentException naming the parameter that is not a filter, a known feature or a number
     */
    public static CellFilter of(Map<String, String> query) {
        Map<String, double[]> ranges = new LinkedHashMap<>();
        Integer cluster = null;
        MapPolygon polygon = null;
        for (Map.Entry<String, String> q : query.entrySet()) {
            String name = q.getKey();
            if (List.of("dandiset", "species", "region", "page", "size").contains(name)) {
                continue;
            }
            if (name.equals("cluster")) {
                cluster = (int) number(name, q.getValue());
                continue;
            }
            if (name.equals("polygon")) {
                polygon = polygon(q.getValue());
                continue;
            }
            boolean min = name.endsWith("_min");
            if (!min && !name.endsWith("_max")) {
                throw new IllegalArgumentException("unknown filter '" + name + "': use dandiset, species, region, "
                        + "cluster, <feature>_min or <feature>_max");
            }
            String feature = name.substring(0, name.length() - 4);
            if (!Atlas.known(feature)) {
                throw new IllegalArgumentException("unknown feature '" + feature + "' in filter '" + name + "'");
            }
            double[] range = ranges.computeIfAbsent(feature, f -> new double[] {Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY});
            range[min ? 0 : 1] = number(name, q.getValue());
        }
        return new CellFilter(query.get("dandiset"), query.get("species"), query.get("region"), cluster, ranges,
                polygon);
    }

    private static MapPolygon polygon(String text) {
        String[] parts = text.split(",", -1);
        double[] xy = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k].strip();
            try {
                xy[k] = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                xy[k] = Double.NaN;
            }
            if (!Double.isFinite(xy[k])) {
                throw new IllegalArgumentException("filter 'polygon' has '" + part + "', not a number");
            }
        }
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("filter 'polygon' has " + xy.length + " numbers: give x,y pairs "
                    + "(x1,y1,x2,y2,... in map coordinates)");
        }
        if (xy.length / 2 < MapPolygon.MIN_VERTICES) {
            throw new IllegalArgumentException("filter 'polygon' has " + xy.length / 2 + " vertices: a polygon needs "
                    + "at least " + MapPolygon.MIN_VERTICES);
        }
        return MapPolygon.of(xy);
    }

    private static double number(String name, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("filter '" + name + "' is '" + text + "', not a number");
        }
    }

    /** The raw ipfx features the filter names (not map inputs): the only ones it reads. */
    Set<String> rawFeatureNames() {
        Set<String> names = new TreeSet<>(ranges.keySet());
        names.removeAll(MapFeatures.NAMES);
        return names;
    }

    boolean matches(AtlasTable t, int row, Map<String, Double> raw) {
        if (!Atlas.same(dandiset, t.dandisets()[row]) || !Atlas.same(species, t.species()[row])
                || !Atlas.same(region, t.regions()[row]) || (cluster != null && cluster != t.clusters()[row])) {
            return false;
        }
        // The positions as the binary map carries them (float32): a page testing those selects the same cells.
        if (polygon != null && !polygon.contains((float) t.x()[row], (float) t.y()[row])) {
            return false;
        }
        for (Map.Entry<String, double[]> r : ranges.entrySet()) {
            int f = MapFeatures.NAMES.indexOf(r.getKey());
            Double v = f >= 0 ? t.values()[row][f] : raw.get(r.getKey());
            if (v == null || v < r.getValue()[0] || v > r.getValue()[1]) {
                return false;
            }
        }
        return true;
    }
}
