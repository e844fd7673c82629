package org.patchmap.core.map;

import java.util.List;

/**
 * A cell on the map.
 *
 * @param cellId     its id
 * @param dandiset   its dandiset, or null
 * @param x          UMAP x
 * @param y          UMAP y
 * @param pcaX       first principal component of the scaled features
 * @param pcaY       second principal component
 * @param cluster    Gaussian-mixture cluster (0 = largest)
 * @param component  connected component of the kNN graph it was laid out in (0 for a connected map)
 * @param imputed    map features that were imputed for it (names of {@code MapFeatures.NAMES})
 * @param neighbours its nearest cells in scaled feature space, nearest first
 */
public record MappedCell(String cellId, String dandiset, double x, double y, double pcaX, double pcaY, int cluster,
                         int component, List<String> imputed, List<Neighbour> neighbours) {
    public MappedCell {
        imputed = List.copyOf(imputed);
        neighbours = List.copyOf(neighbours);
    }
}
