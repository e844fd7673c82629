package org.patchmap.core.map;

/**
 * Where a map build spent its time (ns). Not part of the map: two builds of the same map differ here only.
 *
 * @param prepareNanos    QC selection, scaling, imputation
 * @param knnNanos        the cosine kNN graph
 * @param umapNanos       fuzzy graph, components, layout
 * @param pcaNanos        PCA
 * @param clustersNanos   Gaussian mixtures over the size range and BIC
 * @param neighboursNanos the reported neighbours
 * @param totalNanos      the whole build
 */
public record MapTimings(long prepareNanos, long knnNanos, long umapNanos, long pcaNanos, long clustersNanos,
                         long neighboursNanos, long totalNanos) {
}
