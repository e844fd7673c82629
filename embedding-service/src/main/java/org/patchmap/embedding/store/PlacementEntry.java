package org.patchmap.embedding.store;

import org.patchmap.core.map.Placement;

import java.time.Instant;

/**
 * A cell placed on a stored map version.
 *
 * @param mapVersion the version it was placed on
 * @param placement  where it landed (always a placed one: {@code leftOff} is null)
 * @param placedAt   when (millisecond precision, as MongoDB keeps it)
 */
public record PlacementEntry(String mapVersion, Placement placement, Instant placedAt) {
}
