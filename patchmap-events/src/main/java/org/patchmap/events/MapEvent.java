package org.patchmap.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code patchmap.maps}: published by embedding-service. Two kinds:
 * <ul>
 *   <li>{@code map_version}, keyed {@code map:<mapVersion>}: a new map is complete and current. The
 *   coordinates of its cells are in MongoDB (collection {@code map_cells}, by mapVersion); the event
 *   carries the summary, so it stays small whatever the number of cells.</li>
 *   <li>{@code placement}, keyed by the cell id: one cell placed on the current map without moving
 *   the others.</li>
 * </ul>
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param kind          "map_version" or "placement"
 * @param mapVersion    the map version, e.g. "2026-11-24T10:00:00Z-a1b2c3"
 * @param cellCount     cells on the map (map_version) or 1 (placement)
 * @param parameters    UMAP, scaling and clustering parameters and seeds (map_version); {} for placements
 * @param codeVersion   version of the code that built the map
 * @param placement     the placed cell (placement); null for map_version
 * @param createdAt     when the map or placement was made
 */
public record MapEvent(int schemaVersion, String kind, String mapVersion, int cellCount,
                       Map<String, Object> parameters, String codeVersion, Placement placement, Instant createdAt) {
    public static final int SCHEMA_VERSION = 1;
    public static final String KIND_MAP_VERSION = "map_version";
    public static final String KIND_PLACEMENT = "placement";
    private static final String EVENT = Topics.MAPS;

    public MapEvent {
        Require.schema(EVENT, schemaVersion, SCHEMA_VERSION);
        Require.oneOf(EVENT, "kind", kind, KIND_MAP_VERSION, KIND_PLACEMENT);
        Require.text(EVENT, "mapVersion", mapVersion);
        Require.nonNegative(EVENT, "cellCount", cellCount);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        Require.text(EVENT, "codeVersion", codeVersion);
        if (KIND_PLACEMENT.equals(kind)) {
            Require.present(EVENT, "placement", placement);
        }
        Require.present(EVENT, "createdAt", createdAt);
    }

    /** The Kafka key of this event. */
    public String key() {
        return KIND_PLACEMENT.equals(kind) ? placement.cellId() : "map:" + mapVersion;
    }

    /**
     * A cell placed on a map.
     *
     * @param cellId             the cell
     * @param x                  map coordinate
     * @param y                  map coordinate
     * @param cluster            most likely cluster
     * @param clusterProbability bootstrap probability of that cluster, 0..1
     * @param confidence         0..1; low when the cell is unlike any cell of the atlas
     * @param neighbours         nearest reference cells, closest first
     */
    public record Placement(String cellId, double x, double y, int cluster, double clusterProbability,
                            double confidence, List<String> neighbours) {
        public Placement {
            Require.text(EVENT, "placement.cellId", cellId);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new InvalidEventException(EVENT + ": placement of " + cellId + " has non-finite coordinates");
            }
            neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
        }
    }
}
