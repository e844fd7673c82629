package org.patchmap.embedding.store;

import java.util.List;

/**
 * A cell of a stored map version as the atlas table shows it (neighbours, PCA and imputation are left in MongoDB).
 *
 * @param cellId   the cell
 * @param dandiset its dandiset, null for an upload
 * @param x        map x
 * @param y        map y
 * @param cluster  its cluster
 * @param values   the 16 map inputs (map units), null where missing
 */
public record MapRow(String cellId, String dandiset, double x, double y, int cluster, List<Double> values) {
}
