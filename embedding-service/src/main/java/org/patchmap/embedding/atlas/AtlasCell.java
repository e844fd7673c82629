package org.patchmap.embedding.atlas;

import org.patchmap.embedding.store.JoinedCell;

/**
 * One cell as the atlas shows it.
 *
 * @param cell  its features and metadata
 * @param links its DANDI links, or null (uploads, cells known only by metadata)
 * @param onMap where it is on the current map, or null before the first map
 */
public record AtlasCell(JoinedCell cell, DandiLinks links, OnMap onMap) {
}
