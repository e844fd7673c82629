package org.patchmap.embedding.atlas;

import org.patchmap.core.map.MapParameters;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.embedding.store.MapVersion;
import org.patchmap.embedding.store.MapVersionCell;
import org.patchmap.events.CellIds;
import org.patchmap.events.MetadataEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One map version joined with its cells' metadata, column by column (what {@code /api/maps/current}, the
 * filters and the export read): ids, dandisets, species, regions, simulated types (null for real cells),
 * positions, clusters and the 16 map inputs (map units, null where the cell lacked one).
 */
public record AtlasTable(String mapVersion, Instant createdAt, String codeVersion, MapParameters parameters,
                         String[] ids, String[] dandisets, String[] species, String[] regions,
                         String[] simulatedTypes, double[] x, double[] y, int[] clusters, Double[][] values) {

    /** The table of a stored version: its summary, its cells in order, every file's metadata. */
    public static AtlasTable of(MapVersion summary, List<MapVersionCell> cells,
                                Map<String, MetadataEvent> metadataByFile) {
        int n = cells.size();
        String[] ids = new String[n];
        String[] dandisets = new String[n];
        String[] species = new String[n];
        String[] regions = new String[n];
        String[] simulatedTypes = new String[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] clusters = new int[n];
        Double[][] values = new Double[n][];
        for (int i = 0; i < n; i++) {
            MapVersionCell c = cells.get(i);
            ids[i] = c.cell().cellId();
            dandisets[i] = c.cell().dandiset();
            MetadataEvent metadata = metadataByFile.get(CellIds.fileKey(ids[i]));
            species[i] = metadata == null ? null : label(metadata.species());
            regions[i] = metadata == null ? null : label(metadata.brainRegion());
            simulatedTypes[i] = metadata == null || metadata.simulated() == null ? null : metadata.simulated().type();
            x[i] = c.cell().x();
            y[i] = c.cell().y();
            clusters[i] = c.cell().cluster();
            values[i] = c.values().toArray(new Double[MapFeatures.NAMES.size()]);
        }
        return new AtlasTable(summary.version(), summary.createdAt(), summary.codeVersion(), summary.parameters(), ids,
                dandisets, species, regions, simulatedTypes, x, y, clusters, values);
    }

    private static String label(MetadataEvent.SourcedTerm term) {
        return term == null ? null : term.label();
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
