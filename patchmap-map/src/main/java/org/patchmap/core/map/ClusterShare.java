package org.patchmap.core.map;

/**
 * One cluster's share of a placement's bootstrap rounds.
 *
 * @param cluster     the cluster
 * @param probability the share of rounds that chose it, 0..1
 */
public record ClusterShare(int cluster, double probability) {
}
