package org.patchmap.core.map;

/**
 * A nearby cell in scaled feature space.
 *
 * @param cellId   its id
 * @param distance cosine distance 1 − cos in scaled feature space (0 = same direction)
 */
public record Neighbour(String cellId, double distance) {
}
