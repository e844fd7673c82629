/**
 * The map of spec section 6: {@link org.patchmap.core.map.MapBuilder} turns cells' 16 map
 * features ({@link org.patchmap.core.map.MapCell}) into a reproducible {@link org.patchmap.core.map.MapResult}
 * (robust scaling, nearest-cell imputation, cosine UMAP with every kNN component kept, PCA, Gaussian-mixture
 * clusters chosen by BIC, neighbours); {@link org.patchmap.core.map.MapPlacer} places a new cell on it without
 * moving it.
 */
package org.patchmap.core.map;
