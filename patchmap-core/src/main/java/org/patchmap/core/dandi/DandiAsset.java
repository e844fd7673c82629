package org.patchmap.core.dandi;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One asset of a dandiset version, from {@code GET /dandisets/{id}/versions/{version}/assets/}.
 *
 * @param assetId  the asset's UUID (what {@code /assets/{asset_id}/download/} takes)
 * @param path     path inside the dandiset ({@code sub-x/sub-x_ses-y_icephys.nwb})
 * @param size     bytes
 * @param modified when the asset last changed
 * @param metadata the asset metadata ({@code GET .../assets/{asset_id}/}) once fetched, else null
 */
public record DandiAsset(String assetId, String path, long size, Instant modified, JsonNode metadata) {

    public static DandiAsset fromJson(JsonNode node) {
        JsonNode metadata = node.get("metadata");
        return new DandiAsset(Json.text(node, "asset_id"), Json.text(node, "path"),
                Json.longValue(node, "size", -1), Json.instant(node, "modified"),
                metadata == null || metadata.isNull() ? null : metadata);
    }

    public DandiAsset withMetadata(JsonNode metadata) {
        return new DandiAsset(assetId, path, size, modified, metadata);
    }

    /** The SHA-256 the metadata declares ({@code digest."dandi:sha2-256"}), null when unknown. */
    public String sha256() {
        return metadata == null ? null : Json.text(metadata.get("digest"), "dandi:sha2-256");
    }

    /** Whether the path names an NWB file. */
    public boolean isNwb() {
        return path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith(".nwb");
    }
}
