package org.patchmap.embedding.atlas;

import org.patchmap.core.map.MapParameters;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.embedding.store.FileLabels;
import org.patchmap.embedding.store.MapVersion;
import org.patchmap.embedding.store.MapRow;
import org.patchmap.events.CellIds;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One map version joined with its cells' metadata, column by column (what {@code /api/maps/current}, the
 * filters and the export read): ids, dandisets, species, regions, simulated types (null for real cells), ages
 * (days) and recording temperatures (degrees Celsius, null when the metadata states none), labs (null when
 * unknown), positions, clusters and the 16 map inputs (map units, null where the cell lacked one). The first
 * {@code mappedCount} rows are the cells built into the map, in build order; the rows after them are cells
 * placed on it, by cell id.
 */
public record AtlasTable(String mapVersion, Instant createdAt, String codeVersion, MapParameters parameters,
                         int mappedCount, String[] ids, String[] dandisets, String[] species, String[] regions,
                         String[] simulatedTypes, Double[] ageDays, Double[] temperatureC, double[] x, double[] y,
                         int[] clusters, Double[][] values, String[] labs) {

    /** The table of a stored version: its summary, its cells in order, their files' labels, its placed cells. */
    public static AtlasTable of(MapVersion summary, List<MapRow> cells, Map<String, FileLabels> labelsByFile,
                                List<PlacedCell> placed) {
        int mapped = cells.size();
        Builder b = new Builder(mapped + placed.size());
        for (int i = 0; i < mapped; i++) {
            MapRow c = cells.get(i);
            b.row(i, c.cellId(), c.dandiset(), labelsByFile, c.x(), c.y(), c.cluster(), c.values());
        }
        b.placed(mapped, placed, labelsByFile);
        return b.table(summary.version(), summary.createdAt(), summary.codeVersion(), summary.parameters(), mapped);
    }

    /** The same map with other placed cells (the mapped rows are kept as they are). */
    public AtlasTable withPlaced(List<PlacedCell> placed, Map<String, FileLabels> labelsByFile) {
        Builder b = new Builder(mappedCount + placed.size());
        System.arraycopy(ids, 0, b.ids, 0, mappedCount);
        System.arraycopy(dandisets, 0, b.dandisets, 0, mappedCount);
        System.arraycopy(species, 0, b.species, 0, mappedCount);
        System.arraycopy(regions, 0, b.regions, 0, mappedCount);
        System.arraycopy(simulatedTypes, 0, b.simulatedTypes, 0, mappedCount);
        System.arraycopy(ageDays, 0, b.ageDays, 0, mappedCount);
        System.arraycopy(temperatureC, 0, b.temperatureC, 0, mappedCount);
        System.arraycopy(x, 0, b.x, 0, mappedCount);
        System.arraycopy(y, 0, b.y, 0, mappedCount);
        System.arraycopy(clusters, 0, b.clusters, 0, mappedCount);
        System.arraycopy(values, 0, b.values, 0, mappedCount);
        System.arraycopy(labs, 0, b.labs, 0, mappedCount);
        b.placed(mappedCount, placed, labelsByFile);
        return b.table(mapVersion, createdAt, codeVersion, parameters, mappedCount);
    }

    public int size() {
        return ids.length;
    }

    /** Cells placed on the map (the rows after the mapped ones). */
    public int placedCount() {
        return ids.length - mappedCount;
    }

    /** Whether row {@code i} is a placed cell rather than one built into the map. */
    public boolean placed(int i) {
        return i >= mappedCount;
    }

    /** One map input (index into {@link MapFeatures#NAMES}) of every row, in map units, null where missing. */
    public Double[] input(int feature) {
        Double[] column = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            column[i] = values[i][feature];
        }
        return column;
    }

    /** Row of each cell id. */
    public Map<String, Integer> rows() {
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            rows.put(ids[i], i);
        }
        return rows;
    }

    private static final class Builder {
        final String[] ids;
        final String[] dandisets;
        final String[] species;
        final String[] regions;
        final String[] simulatedTypes;
        final Double[] ageDays;
        final Double[] temperatureC;
        final double[] x;
        final double[] y;
        final int[] clusters;
        final Double[][] values;
        final String[] labs;

        Builder(int n) {
            ids = new String[n];
            dandisets = new String[n];
            species = new String[n];
            regions = new String[n];
            simulatedTypes = new String[n];
            ageDays = new Double[n];
            temperatureC = new Double[n];
            x = new double[n];
            y = new double[n];
            clusters = new int[n];
            values = new Double[n][];
            labs = new String[n];
        }

        void row(int i, String id, String dandiset, Map<String, FileLabels> labelsByFile, double cx, double cy,
                 int cluster, List<Double> inputs) {
            ids[i] = id;
            dandisets[i] = dandiset;
            FileLabels labels = labelsByFile.get(CellIds.fileKey(id));
            species[i] = labels == null ? null : labels.species();
            regions[i] = labels == null ? null : labels.region();
            simulatedTypes[i] = labels == null ? null : labels.simulatedType();
            ageDays[i] = labels == null ? null : labels.ageDays();
            temperatureC[i] = labels == null ? null : labels.temperatureC();
            labs[i] = labels == null ? null : labels.lab();
            x[i] = cx;
            y[i] = cy;
            clusters[i] = cluster;
            values[i] = inputs.toArray(new Double[MapFeatures.NAMES.size()]);
        }

        void placed(int from, List<PlacedCell> placed, Map<String, FileLabels> labelsByFile) {
            for (int k = 0; k < placed.size(); k++) {
                PlacedCell p = placed.get(k);
                row(from + k, p.position().cellId(), p.dandiset(), labelsByFile, p.position().x(), p.position().y(),
                        p.position().cluster(), p.values());
            }
        }

        AtlasTable table(String version, Instant createdAt, String codeVersion, MapParameters parameters, int mapped) {
            return new AtlasTable(version, createdAt, codeVersion, parameters, mapped, ids, dandisets, species,
                    regions, simulatedTypes, ageDays, temperatureC, x, y, clusters, values, labs);
        }
    }
}
