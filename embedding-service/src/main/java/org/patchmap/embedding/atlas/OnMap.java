package org.patchmap.embedding.atlas;

import org.patchmap.embedding.store.MapVersionCell;
import org.patchmap.embedding.store.PlacementEntry;

/** Where one cell is on the current map. */
public sealed interface OnMap {
    String mapVersion();

    MapStatus status();

    /** Built into the map. */
    record Mapped(MapVersionCell cell) implements OnMap {
        public String mapVersion() {
            return cell.mapVersion();
        }

        public MapStatus status() {
            return MapStatus.MAPPED;
        }
    }

    /** Placed on the map. */
    record Placed(PlacementEntry entry) implements OnMap {
        public String mapVersion() {
            return entry.mapVersion();
        }

        public MapStatus status() {
            return MapStatus.PLACED;
        }
    }

    /** Left off the map or not placed on it, and why. */
    record Unmapped(String mapVersion, MapStatus status, String reason) implements OnMap {
    }
}
