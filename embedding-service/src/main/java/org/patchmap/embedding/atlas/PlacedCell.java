package org.patchmap.embedding.atlas;

import org.patchmap.embedding.store.PlacedPosition;

import java.util.List;

/**
 * A cell placed on the current map, as its table shows it.
 *
 * @param position where it landed
 * @param dandiset its dandiset (its features' provenance), null for an upload
 * @param values   its 16 map inputs in map units, null where missing
 */
public record PlacedCell(PlacedPosition position, String dandiset, List<Double> values) {
}
