package org.patchmap.core.map;

/**
 * A cell that is not on the map.
 *
 * @param cellId its id
 * @param reason why, naming the features it lacks and their reasons
 */
public record LeftOffCell(String cellId, String reason) {
}
