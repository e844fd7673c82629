package org.patchmap.embedding.store;

/**
 * Where a cell placed on a map version landed.
 *
 * @param cellId  the cell
 * @param x       map x
 * @param y       map y
 * @param cluster the cluster it was placed in
 */
public record PlacedPosition(String cellId, double x, double y, int cluster) {
}
