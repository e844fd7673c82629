package org.patchmap.core.map;

/**
 * How the map's cosine kNN graph is searched: exactly up to {@link #EXACT_UP_TO} cells, by nearest-neighbour
 * descent above. The exact search costs n² distances and the descent about n·(a few thousand); on 16
 * features at k = 150 they cost the same near 25,000 cells (10,000: exact 1.4 s, descent 2.2 s; 30,000:
 * exact 9 s, descent 6 s, one core busy elsewhere), and below that the exact graph is also the better one.
 */
public enum KnnMethod {
    EXACT("exact"),
    NN_DESCENT("nn-descent");

    /** The largest map searched exactly. */
    public static final int EXACT_UP_TO = 20_000;

    private final String label;

    KnnMethod(String label) {
        this.label = label;
    }

    /** The method a map of {@code cells} cells uses. */
    public static KnnMethod forCells(int cells) {
        return cells <= EXACT_UP_TO ? EXACT : NN_DESCENT;
    }

    /** The graph of {@code rows} (scaled, imputed) with k neighbours per row, the row itself first. */
    public CosineKnn.KnnGraph graph(double[][] rows, int k, long seed) {
        CosineKnn index = new CosineKnn(rows);
        return this == EXACT ? index.graph(k) : NeighbourDescent.graph(index, k, seed);
    }

    /** Share of the exact graph's neighbours (self excluded) that {@code approximate} also lists. */
    public static double recall(CosineKnn.KnnGraph approximate, CosineKnn.KnnGraph exact) {
        return NeighbourDescent.recall(approximate, exact);
    }

    public String label() {
        return label;
    }
}
