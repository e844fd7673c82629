package org.patchmap.embedding.store;

import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.MetadataEvent;

/**
 * A cell as the stores know it: its features and its file's metadata, each as last received.
 *
 * @param cellId   the cell
 * @param features its features event, or null before one arrived
 * @param metadata its file's metadata event, or null before one arrived
 */
public record JoinedCell(String cellId, FeaturesEvent features, MetadataEvent metadata) {
}
