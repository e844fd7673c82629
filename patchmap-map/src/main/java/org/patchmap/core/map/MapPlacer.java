package org.patchmap.core.map;

import org.patchmap.core.qc.MapFeatures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Places new cells on a built map without moving it: the cell's features go through the map's
 * fitted scaling, its missing ones are imputed from the reference cells, and its position is the
 * inverse-distance-weighted mean of the map positions of its nearest reference cells (cosine, the map's
 * metric). Its cluster is voted over bootstrap rounds, each on a random subset of the features (MapMyCells'
 * bootstrap): the nearest cluster centroid in that subspace. The rounds are seeded from the map seed, the
 * cell id and its features, so a cell always gets the same answer. Thread-safe: nothing changes after
 * construction.
 */
public final class MapPlacer {
    /** Confidence below which a cell is reported as unlike anything in the atlas. */
    public static final double UNLIKE_ATLAS = 0.01;
    private static final double TINY = 1e-12;

    private final MapModel model;
    private final MapParameters parameters;
    private final List<String> ids;
    private final CosineKnn index;
    private final double[][] centroids;
    private final EuclideanNearest euclidean;
    private final double[] referenceNearest; // sorted Euclidean nearest-neighbour distances of (sampled) reference cells

    /** Reference cells whose nearest-neighbour distances are all measured; above, {@link #NEAREST_SAMPLE}. */
    public static final int NEAREST_ALL_UP_TO = 20_000;
    /**
     * Reference cells, seeded, whose nearest-neighbour distances stand for all on a larger map: the confidence
     * is a share of reference cells, which a sample of 5,000 gives within about ±0.007.
     */
    public static final int NEAREST_SAMPLE = 5_000;

    /**
     * Prepares placement on {@code map}: the reference cells' Euclidean nearest-neighbour distances (each
     * exact, through {@link EuclideanNearest}), of every cell up to {@link #NEAREST_ALL_UP_TO} cells and of a
     * seeded sample of {@link #NEAREST_SAMPLE} above, so the preparation grows as n, not n².
     */
    public MapPlacer(MapResult map) {
        this.model = map.model();
        this.parameters = map.parameters();
        this.ids = map.cellIds();
        double[][] rows = model.imputedRows();
        this.index = new CosineKnn(rows);
        this.centroids = centroids(rows, model.clusterArray(), model.clusterCount());
        this.euclidean = new EuclideanNearest(rows);
        double[] nearest = rows.length <= NEAREST_ALL_UP_TO ? euclidean.nearestOfEach()
                : euclidean.nearestOf(NeighbourPreservation.sample(rows.length, NEAREST_SAMPLE, parameters.seed()));
        Arrays.sort(nearest);
        this.referenceNearest = nearest;
    }

    private static double[][] centroids(double[][] rows, int[] clusters, int count) {
        int dims = rows.length == 0 ? 0 : rows[0].length;
        double[][] c = new double[count][dims];
        int[] size = new int[count];
        for (int i = 0; i < rows.length; i++) {
            size[clusters[i]]++;
            for (int f = 0; f < dims; f++) {
                c[clusters[i]][f] += rows[i][f];
            }
        }
        for (int k = 0; k < count; k++) {
            for (int f = 0; f < dims; f++) {
                c[k][f] /= Math.max(1, size[k]);
            }
        }
        return c;
    }

    /** Places one cell; a cell with too few usable features, or an empty map, gives the reason instead. */
    public Placement place(MapCell cell) {
        String why = cell.leftOffReason(parameters.minFeatures());
        if (why != null) {
            return Placement.notPlaced(cell.cellId(), why);
        }
        if (model.size() == 0) {
            return Placement.notPlaced(cell.cellId(), "the map has no cells");
        }
        double[] measured = model.scaling().apply(cell.vector());
        double[] row = NearestCellImputer.impute(measured, cell.dandiset(), model.measuredRows(),
                model.dandisetArray(), parameters.imputeNeighbors(), -1);
        List<String> imputed = new ArrayList<>();
        for (int f = 0; f < row.length; f++) {
            if (Double.isNaN(measured[f])) {
                imputed.add(MapFeatures.NAMES.get(f));
            }
            if (Double.isNaN(row[f])) {
                row[f] = 0; // no reference cell has it either: the median
            }
        }
        TopK near = index.nearest(row, Math.max(parameters.placeNeighbors(), parameters.mapNeighbors()));
        double sx = 0;
        double sy = 0;
        double sw = 0;
        List<Neighbour> neighbours = new ArrayList<>();
        double[][] xy = model.positions();
        for (int r = 0; r < near.size(); r++) {
            if (r < parameters.placeNeighbors()) {
                double w = 1 / (near.distance(r) + TINY);
                sx += w * xy[near.index(r)][0];
                sy += w * xy[near.index(r)][1];
                sw += w;
            }
            if (r < parameters.mapNeighbors()) {
                neighbours.add(new Neighbour(ids.get(near.index(r)), near.distance(r)));
            }
        }
        double nearest = euclidean.nearest(row);
        double confidence = confidence(nearest);
        int[] votes = bootstrap(cell, row);
        int best = 0;
        for (int k = 1; k < votes.length; k++) {
            if (votes[k] > votes[best]) {
                best = k;
            }
        }
        return new Placement(cell.cellId(), sx / sw, sy / sw, best, (double) votes[best] / parameters.bootstrapRounds(),
                shares(votes, best), neighbours, nearest, confidence, confidence < UNLIKE_ATLAS, imputed, null);
    }

    /** The clusters with votes, the winner first (it wins ties by its lower number), then by share and cluster. */
    private List<ClusterShare> shares(int[] votes, int best) {
        List<ClusterShare> out = new ArrayList<>();
        out.add(new ClusterShare(best, (double) votes[best] / parameters.bootstrapRounds()));
        IntStream.range(0, votes.length).filter(k -> k != best && votes[k] > 0).boxed()
                .sorted((a, b) -> votes[a] != votes[b] ? Integer.compare(votes[b], votes[a]) : Integer.compare(a, b))
                .forEach(k -> out.add(new ClusterShare(k, (double) votes[k] / parameters.bootstrapRounds())));
        return out;
    }

    /** Share of reference cells (of the sample, on a large map) whose nearest-neighbour distance is at least {@code d}. */
    double confidence(double d) {
        int below = lowerBound(referenceNearest, d);
        return referenceNearest.length == 0 ? 0 : (double) (referenceNearest.length - below) / referenceNearest.length;
    }

    /** First position whose value is ≥ d (binary search over sorted values). */
    private static int lowerBound(double[] sorted, double d) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Votes per cluster: each round the nearest centroid on a random subset of the features. */
    private int[] bootstrap(MapCell cell, double[] row) {
        int dims = row.length;
        int[] votes = new int[Math.max(1, centroids.length)];
        if (centroids.length <= 1) {
            votes[0] = parameters.bootstrapRounds();
            return votes;
        }
        SplittableRandom random = new SplittableRandom(seedOf(cell, row));
        int take = Math.max(1, (int) Math.round(parameters.bootstrapFraction() * dims));
        int[] features = new int[dims];
        for (int round = 0; round < parameters.bootstrapRounds(); round++) {
            for (int f = 0; f < dims; f++) {
                features[f] = f;
            }
            for (int f = 0; f < take; f++) { // partial Fisher–Yates: the first `take` are the subset
                int g = f + random.nextInt(dims - f);
                int t = features[f];
                features[f] = features[g];
                features[g] = t;
            }
            int nearest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < centroids.length; k++) {
                double s = 0;
                for (int q = 0; q < take; q++) {
                    double d = row[features[q]] - centroids[k][features[q]];
                    s += d * d;
                }
                if (s < best) {
                    best = s;
                    nearest = k;
                }
            }
            votes[nearest]++;
        }
        return votes;
    }

    /** From the map seed, the id (String.hashCode is specified, so stable) and the exact feature values. */
    private long seedOf(MapCell cell, double[] row) {
        long s = Umap.mix(parameters.seed(), cell.cellId().hashCode());
        for (double x : row) {
            s = Umap.mix(s, Double.doubleToLongBits(x));
        }
        return s;
    }
}
