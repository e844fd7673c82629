package org.patchmap.core.map;

import org.patchmap.core.CodeVersion;
import org.patchmap.core.qc.MapFeatures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the map from cells' map features (spec section 6): cells with fewer than
 * {@link MapParameters#minFeatures()} usable features are left off with the reason; the others are robustly
 * scaled, their missing features imputed from the nearest cells, then laid out by cosine UMAP on their kNN graph
 * ({@link KnnMethod}: exact, or nearest-neighbour descent for large maps) (every
 * connected component kept), projected by PCA, clustered by a Gaussian mixture chosen by BIC, and given their
 * nearest neighbours. The same cells in the same order with the same parameters give the same map.
 */
public final class MapBuilder {
    private final MapParameters parameters;

    public MapBuilder(MapParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * @param input the cells, ids unique
     * @throws IllegalArgumentException when two cells share an id
     */
    public MapResult build(List<MapCell> input) {
        long t0 = System.nanoTime();
        MapParameters p = parameters;
        Map<String, Integer> seen = new HashMap<>(); // lookups only, never iterated
        List<MapCell> kept = new ArrayList<>();
        List<LeftOffCell> leftOff = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            MapCell c = input.get(i);
            Integer before = seen.put(c.cellId(), i);
            if (before != null) {
                throw new IllegalArgumentException("map input: cell id " + c.cellId() + " appears twice (cells "
                        + (before + 1) + " and " + (i + 1) + ")");
            }
            String why = c.leftOffReason(p.minFeatures());
            if (why == null) {
                kept.add(c);
            } else {
                leftOff.add(new LeftOffCell(c.cellId(), why));
            }
        }
        int n = kept.size();
        int dims = MapFeatures.NAMES.size();
        double[][] raw = new double[n][];
        String[] dandisets = new String[n];
        for (int i = 0; i < n; i++) {
            raw[i] = kept.get(i).vector();
            dandisets[i] = kept.get(i).dandiset();
        }
        RobustScaling scaling = RobustScaling.fit(raw, dims);
        double[][] measured = new double[n][];
        for (int i = 0; i < n; i++) {
            measured[i] = scaling.apply(raw[i]);
        }
        double[][] rows = NearestCellImputer.imputeAll(measured, dandisets, p.imputeNeighbors());
        for (double[] row : rows) {
            for (int f = 0; f < dims; f++) {
                if (Double.isNaN(row[f])) {
                    row[f] = 0; // no cell has this feature at all: the median, which scaling put at 0
                }
            }
        }
        long t1 = System.nanoTime();

        int graphK = Math.min(Math.max(p.nNeighbors(), p.mapNeighbors() + 1), n);
        CosineKnn.KnnGraph knn = KnnMethod.forCells(n).graph(rows, graphK, Umap.mix(p.seed(), -2));
        long t2 = System.nanoTime();

        Umap.Embedding embedding = n == 0 ? new Umap.Embedding(new double[0][], new int[0], 0)
                : n == 1 ? new Umap.Embedding(new double[][] {{0, 0}}, new int[1], 1)
                : Umap.embed(rows, umapGraph(knn, Math.min(p.nNeighbors(), n)), p);
        long t3 = System.nanoTime();

        double[][] pca = PrincipalPlane.project(rows);
        long t4 = System.nanoTime();

        GaussianClusters clusters = GaussianClusters.fit(rows, p.minClusters(), p.maxClusters(), p.seed());
        long t5 = System.nanoTime();

        List<MappedCell> cells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> imputed = new ArrayList<>();
            for (int f = 0; f < dims; f++) {
                if (Double.isNaN(measured[i][f])) {
                    imputed.add(MapFeatures.NAMES.get(f));
                }
            }
            List<Neighbour> near = new ArrayList<>();
            int[] idx = knn.indices()[i];
            for (int r = 1; r < idx.length && near.size() < p.mapNeighbors(); r++) {
                near.add(new Neighbour(kept.get(idx[r]).cellId(), knn.distances()[i][r]));
            }
            cells.add(new MappedCell(kept.get(i).cellId(), dandisets[i], embedding.xy()[i][0], embedding.xy()[i][1],
                    pca[i][0], pca[i][1], clusters.labels()[i], embedding.component()[i], imputed, near));
        }
        long t6 = System.nanoTime();

        MapModel model = new MapModel(scaling, measured, rows, dandisets, embedding.xy(), clusters.labels(),
                clusters.count());
        MapTimings timings = new MapTimings(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t6 - t0);
        return new MapResult(CodeVersion.current(), p, cells, leftOff, embedding.components(), clusters.count(),
                model, timings);
    }

    /** The first k columns of a wider graph (the graph is searched once for both UMAP and the neighbours). */
    private static CosineKnn.KnnGraph umapGraph(CosineKnn.KnnGraph knn, int k) {
        int n = knn.indices().length;
        int[][] idx = new int[n][];
        double[][] dist = new double[n][];
        for (int i = 0; i < n; i++) {
            int m = Math.min(k, knn.indices()[i].length);
            idx[i] = java.util.Arrays.copyOf(knn.indices()[i], m);
            dist[i] = java.util.Arrays.copyOf(knn.distances()[i], m);
        }
        return new CosineKnn.KnnGraph(idx, dist);
    }
}
