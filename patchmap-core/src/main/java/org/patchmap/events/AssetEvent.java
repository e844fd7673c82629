package org.patchmap.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code patchmap.assets}: one file to process, keyed by {@link #fileKey}. Published by
 * ingest-service for every new or changed DANDI asset and every user upload; consumed by
 * ingest-service (extraction) and metadata-service.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param source        "dandi" or "upload"
 * @param fileKey       the Kafka key, from {@link CellIds}: cell ids of this file start with it
 * @param provenance    dandiset, version, asset id, path and pinned links
 * @param sizeBytes     file size in bytes
 * @param digest        content digest with its algorithm, e.g. "sha2-256:3f1c..." or "dandi-etag:9a0b...-2"
 * @param downloadUrl   where to fetch the file (DANDI's download URL); null when {@code localPath} is set
 * @param localPath     the file on the ingest volume (uploads); null when {@code downloadUrl} is set
 * @param assetMetadata DANDI's asset metadata as received (subject, species, age...), or {} for uploads
 * @param publishedAt   when this event was published
 */
public record AssetEvent(int schemaVersion, String source, String fileKey, Provenance provenance, long sizeBytes,
                         String digest, String downloadUrl, String localPath, Map<String, Object> assetMetadata,
                         Instant publishedAt) {
    public static final int SCHEMA_VERSION = 1;
    public static final String SOURCE_DANDI = "dandi";
    public static final String SOURCE_UPLOAD = "upload";
    private static final String EVENT = Topics.ASSETS;

    public AssetEvent {
        Require.schema(EVENT, schemaVersion, SCHEMA_VERSION);
        Require.oneOf(EVENT, "source", source, SOURCE_DANDI, SOURCE_UPLOAD);
        Require.text(EVENT, "fileKey", fileKey);
        Require.present(EVENT, "provenance", provenance);
        if (!source.equals(provenance.source())) {
            throw new InvalidEventException(EVENT + ": source '" + source + "' differs from provenance.source '"
                    + provenance.source() + "'");
        }
        Require.nonNegative(EVENT, "sizeBytes", sizeBytes);
        Require.text(EVENT, "digest", digest);
        if ((downloadUrl == null || downloadUrl.isBlank()) && (localPath == null || localPath.isBlank())) {
            throw new InvalidEventException(EVENT + ": neither 'downloadUrl' nor 'localPath' is set");
        }
        assetMetadata = assetMetadata == null ? Map.of() : Map.copyOf(assetMetadata);
        Require.present(EVENT, "publishedAt", publishedAt);
    }

    /**
     * The event for one asset of a DANDI listing ({@code GET .../assets/{asset_id}/}): digest
     * {@code sha2-256} when DANDI has computed it, else its {@code dandi-etag}; download URL the
     * API's {@code /assets/{id}/download/} (it redirects to storage that serves Range requests).
     */
    public static AssetEvent fromDandi(String dandisetId, String version, String assetId, String path, long sizeBytes,
                                       Map<String, Object> metadata, Instant now) {
        Provenance provenance = Provenance.dandi(dandisetId, version, assetId, path);
        return new AssetEvent(SCHEMA_VERSION, SOURCE_DANDI, CellIds.dandiFile(dandisetId, path), provenance,
                sizeBytes, dandiDigest(assetId, metadata), dandiDownloadUrl(assetId, metadata), null, metadata, now);
    }

    private static String dandiDigest(String assetId, Map<String, Object> metadata) {
        if (metadata.get("digest") instanceof Map<?, ?> digest) {
            if (digest.get("dandi:sha2-256") instanceof String sha) {
                return "sha2-256:" + sha;
            }
            if (digest.get("dandi:dandi-etag") instanceof String etag) {
                return "dandi-etag:" + etag;
            }
        }
        throw new InvalidEventException(EVENT + ": DANDI asset " + assetId + " has no sha2-256 or dandi-etag digest");
    }

    private static String dandiDownloadUrl(String assetId, Map<String, Object> metadata) {
        if (metadata.get("contentUrl") instanceof List<?> urls) {
            for (Object url : urls) {
                if (url instanceof String u && u.endsWith("/assets/" + assetId + "/download/")) {
                    return u;
                }
            }
        }
        return "https://api.dandiarchive.org/api/assets/" + assetId + "/download/";
    }
}
