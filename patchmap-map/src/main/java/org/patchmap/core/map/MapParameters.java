package org.patchmap.core.map;

/**
 * Everything that shapes a map (spec section 6); {@link #defaults()} are the atlas's settings.
 *
 * @param nNeighbors         UMAP neighbourhood size, the cell itself included (umap-learn's convention)
 * @param minDist            UMAP min_dist
 * @param spread             UMAP spread
 * @param repulsionStrength  UMAP repulsion_strength (gamma: weight of the negative samples)
 * @param negativeSampleRate negative samples per positive sample
 * @param epochs             optimisation epochs; 0 = umap-learn's rule (500 up to 10,000 cells, else 200)
 * @param learningRate       initial SGD step
 * @param minFeatures        a cell needs at least this many of the 16 map features after QC. 12 by default:
 *                           three quarters measured keeps imputation to a minority of any cell's features,
 *                           and still maps a cell that lacks one AP block (e.g. a missing ap_mean at k = 0)
 * @param imputeNeighbors    donor cells per imputed value (scikit-learn KNNImputer's default, 5)
 * @param mapNeighbors       neighbours reported per cell, in scaled feature space
 * @param minClusters        smallest Gaussian-mixture size tried
 * @param maxClusters        largest Gaussian-mixture size tried (BIC chooses)
 * @param placeNeighbors     reference cells a placed cell's position is averaged from
 * @param bootstrapRounds    rounds over feature subsets for a placed cell's cluster probability
 * @param bootstrapFraction  fraction of the features drawn in each round (MapMyCells' bootstrap_factor)
 * @param seed               the one seed every random choice of the map derives from
 */
public record MapParameters(int nNeighbors, double minDist, double spread, double repulsionStrength,
                            int negativeSampleRate, int epochs, double learningRate, int minFeatures,
                            int imputeNeighbors, int mapNeighbors, int minClusters, int maxClusters,
                            int placeNeighbors, int bootstrapRounds, double bootstrapFraction, long seed) {
    public static final long DEFAULT_SEED = 42;

    public MapParameters {
        require(nNeighbors >= 2, "nNeighbors " + nNeighbors + " must be at least 2");
        require(minDist >= 0 && minDist <= spread, "minDist " + minDist + " must be in 0..spread (" + spread + ")");
        require(spread > 0, "spread " + spread + " must be positive");
        require(repulsionStrength >= 0, "repulsionStrength " + repulsionStrength + " must be >= 0");
        require(negativeSampleRate >= 0, "negativeSampleRate " + negativeSampleRate + " must be >= 0");
        require(epochs >= 0, "epochs " + epochs + " must be >= 0 (0 = automatic)");
        require(learningRate > 0, "learningRate " + learningRate + " must be positive");
        require(minFeatures >= 1 && minFeatures <= 16, "minFeatures " + minFeatures + " must be in 1..16");
        require(imputeNeighbors >= 1, "imputeNeighbors " + imputeNeighbors + " must be at least 1");
        require(mapNeighbors >= 1, "mapNeighbors " + mapNeighbors + " must be at least 1");
        require(minClusters >= 1 && minClusters <= maxClusters,
                "clusters " + minClusters + ".." + maxClusters + " must be a range starting at 1 or more");
        require(placeNeighbors >= 1, "placeNeighbors " + placeNeighbors + " must be at least 1");
        require(bootstrapRounds >= 1, "bootstrapRounds " + bootstrapRounds + " must be at least 1");
        require(bootstrapFraction > 0 && bootstrapFraction <= 1,
                "bootstrapFraction " + bootstrapFraction + " must be in (0, 1]");
    }

    /**
     * The atlas's settings (UMAP n_neighbors 150, min_dist 0.1, spread 2, repulsion strength 5), seed
     * {@value #DEFAULT_SEED}.
     */
    public static MapParameters defaults() {
        return new MapParameters(150, 0.1, 2.0, 5.0, 5, 0, 1.0, 12, 5, 15, 2, 25, 15, 100, 0.9, DEFAULT_SEED);
    }

    public MapParameters withSeed(long s) {
        return new MapParameters(nNeighbors, minDist, spread, repulsionStrength, negativeSampleRate, epochs,
                learningRate, minFeatures, imputeNeighbors, mapNeighbors, minClusters, maxClusters, placeNeighbors,
                bootstrapRounds, bootstrapFraction, s);
    }

    public MapParameters withNeighbors(int k) {
        return new MapParameters(k, minDist, spread, repulsionStrength, negativeSampleRate, epochs, learningRate,
                minFeatures, imputeNeighbors, mapNeighbors, minClusters, maxClusters, placeNeighbors,
                bootstrapRounds, bootstrapFraction, seed);
    }

    public MapParameters withEpochs(int n) {
        return new MapParameters(nNeighbors, minDist, spread, repulsionStrength, negativeSampleRate, n, learningRate,
                minFeatures, imputeNeighbors, mapNeighbors, minClusters, maxClusters, placeNeighbors,
                bootstrapRounds, bootstrapFraction, seed);
    }

    public MapParameters withMinFeatures(int n) {
        return new MapParameters(nNeighbors, minDist, spread, repulsionStrength, negativeSampleRate, epochs,
                learningRate, n, imputeNeighbors, mapNeighbors, minClusters, maxClusters, placeNeighbors,
                bootstrapRounds, bootstrapFraction, seed);
    }

    public MapParameters withClusters(int min, int max) {
        return new MapParameters(nNeighbors, minDist, spread, repulsionStrength, negativeSampleRate, epochs,
                learningRate, minFeatures, imputeNeighbors, mapNeighbors, min, max, placeNeighbors,
                bootstrapRounds, bootstrapFraction, seed);
    }

    /** The epochs actually run for {@code cells} cells. */
    public int epochsFor(int cells) {
        return epochs > 0 ? epochs : cells <= 10_000 ? 500 : 200;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("map parameters: " + message);
        }
    }
}
