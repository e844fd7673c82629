package org.patchmap.embedding.atlas;

import org.bson.Document;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.events.CellIds;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One map version joined with its cells' metadata, column by column (what {@code /api/maps/current}, the
 * filters and the export read): ids, dandisets, species, regions, positions, clusters and the 16 map inputs
 * (map units, null where the cell lacked one).
 */
public record AtlasTable(String mapVersion, Instant createdAt, String codeVersion, Document parameters,
                         String[] ids, String[] dandisets, String[] species, String[] regions, double[] x,
                         double[] y, int[] clusters, Double[][] values) {

    /** The table of a stored version: its summary, its {@code map_cells} in order, every file's metadata. */
    public static AtlasTable of(Document summary, List<Document> cells, Map<String, Document> metadataByFile) {
        int n = cells.size();
        String[] ids = new String[n];
        String[] dandisets = new String[n];
        String[] species = new String[n];
        String[] regions = new String[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] clusters = new int[n];
        Double[][] values = new Double[n][];
        for (int i = 0; i < n; i++) {
            Document c = cells.get(i);
            ids[i] = c.getString("cellId");
            dandisets[i] = c.getString("dandiset");
            Document metadata = metadataByFile.get(CellIds.fileKey(ids[i]));
            species[i] = label(metadata, "species");
            regions[i] = label(metadata, "brainRegion");
            x[i] = c.getDouble("x");
            y[i] = c.getDouble("y");
            clusters[i] = c.getInteger("cluster");
            List<?> v = c.getList("values", Object.class);
            values[i] = new Double[MapFeatures.NAMES.size()];
            for (int f = 0; f < values[i].length; f++) {
                values[i][f] = v.get(f) instanceof Number num ? num.doubleValue() : null;
            }
        }
        return new AtlasTable(summary.getString("_id"), summary.getDate("createdAt").toInstant(),
                summary.getString("codeVersion"), summary.get("parameters", Document.class), ids, dandisets, species,
                regions, x, y, clusters, values);
    }

    private static String label(Document metadata, String field) {
        Document term = metadata == null ? null : metadata.get(field, Document.class);
        return term == null ? null : term.getString("label");
    }

    public int size() {
        return ids.length;
    }

    /** Row of each cell id. */
    public Map<String, Integer> rows() {
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            rows.put(ids[i], i);
        }
        return rows;
    }
}
