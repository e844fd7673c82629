package org.patchmap.core.map;

import java.util.List;

/**
 * Where a new cell lands on an existing map (the map itself unchanged).
 *
 * @param cellId             the cell's id
 * @param x                  map x (NaN when not placed)
 * @param y                  map y (NaN when not placed)
 * @param cluster            most likely cluster (−1 when not placed)
 * @param clusterProbability share of the bootstrap rounds over feature subsets that chose {@code cluster}
 * @param clusterShares      every cluster some round chose, by share (largest first, then by cluster): the first
 *                           is {@code cluster}, the others are the runners-up
 * @param neighbours         its nearest reference cells (cosine, scaled features), nearest first
 * @param nearestDistance    Euclidean distance in scaled feature space to the nearest reference cell
 * @param confidence         share of reference cells whose own nearest-neighbour distance is at least
 *                           {@code nearestDistance}: 1 = as close to the atlas as any of its cells, near 0 =
 *                           farther from everything than (almost) every reference cell is from its nearest
 * @param unlikeAtlas        confidence below {@link MapPlacer#UNLIKE_ATLAS}: nothing in the atlas resembles it
 * @param imputed            map features imputed for it
 * @param leftOff            why it was not placed, or null
 */
public record Placement(String cellId, double x, double y, int cluster, double clusterProbability,
                        List<ClusterShare> clusterShares, List<Neighbour> neighbours, double nearestDistance, double confidence, boolean unlikeAtlas,
                        List<String> imputed, String leftOff) {
    public Placement {
        clusterShares = List.copyOf(clusterShares);
        neighbours = List.copyOf(neighbours);
        imputed = List.copyOf(imputed);
    }

    static Placement notPlaced(String cellId, String reason) {
        return new Placement(cellId, Double.NaN, Double.NaN, -1, Double.NaN, List.of(), List.of(), Double.NaN, Double.NaN,
                false, List.of(), reason);
    }

    public boolean placed() {
        return leftOff == null;
    }
}
