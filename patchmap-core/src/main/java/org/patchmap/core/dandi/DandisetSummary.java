package org.patchmap.core.dandi;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One entry of the {@code GET /dandisets/} listing.
 *
 * @param identifier          six digits ({@code 000008})
 * @param modified            when the dandiset last changed
 * @param draft               the draft version (null if the listing has none)
 * @param mostRecentPublished the latest published version, null if never published
 */
public record DandisetSummary(String identifier, Instant modified, VersionInfo draft, VersionInfo mostRecentPublished) {

    /**
     * A version as the listing shows it.
     *
     * @param version    {@code draft} or {@code 0.211014.0809}
     * @param name       the title of that version
     * @param assetCount number of assets
     * @param size       total bytes
     * @param status     {@code Valid}, {@code Pending}, {@code Invalid}, {@code Published}...
     * @param modified   when that version last changed
     */
    public record VersionInfo(String version, String name, long assetCount, long size, String status, Instant modified) {
        static VersionInfo fromJson(JsonNode node) {
            if (node == null || node.isNull() || !node.isObject()) {
                return null;
            }
            return new VersionInfo(Json.text(node, "version"), Json.text(node, "name"),
                    Json.longValue(node, "asset_count", 0), Json.longValue(node, "size", 0),
                    Json.text(node, "status"), Json.instant(node, "modified"));
        }
    }

    public static DandisetSummary fromJson(JsonNode node) {
        return new DandisetSummary(DandisetVersion.bareIdentifier(Json.text(node, "identifier")),
                Json.instant(node, "modified"),
                VersionInfo.fromJson(node.get("draft_version")),
                VersionInfo.fromJson(node.get("most_recent_published_version")));
    }

    /** The version to ingest: the most recent published one (citable, immutable), else the draft. */
    public VersionInfo preferredVersion() {
        return mostRecentPublished != null ? mostRecentPublished : draft;
    }
}
