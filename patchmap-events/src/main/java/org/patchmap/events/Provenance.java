package org.patchmap.events;

/**
 * Where a cell comes from. For DANDI files the links are pinned to the dandiset version;
 * for uploads only {@code path} (the uploaded file name) is set.
 *
 * @param source      "dandi" or "upload"
 * @param dandisetId  six-digit DANDI identifier, e.g. "000008" (null for uploads)
 * @param version     dandiset version, e.g. "0.211014.0809" or "draft" (null for uploads)
 * @param assetId     DANDI asset UUID (null for uploads)
 * @param path        asset path inside the dandiset, or the uploaded file name
 * @param dandisetUrl human link to the dandiset version on dandiarchive.org (null for uploads)
 */
public record Provenance(String source, String dandisetId, String version, String assetId, String path,
                         String dandisetUrl) {
    public Provenance {
        Require.oneOf("provenance", "source", source, AssetEvent.SOURCE_DANDI, AssetEvent.SOURCE_UPLOAD);
        Require.text("provenance", "path", path);
        if (AssetEvent.SOURCE_DANDI.equals(source)) {
            Require.text("provenance", "dandisetId", dandisetId);
            Require.text("provenance", "version", version);
            Require.text("provenance", "assetId", assetId);
        }
    }

    /** Provenance of a file from a published (or draft) dandiset version. */
    public static Provenance dandi(String dandisetId, String version, String assetId, String path) {
        return new Provenance(AssetEvent.SOURCE_DANDI, dandisetId, version, assetId, path,
                "https://dandiarchive.org/dandiset/" + dandisetId + "/" + version);
    }

    /** Provenance of a user's upload. */
    public static Provenance upload(String fileName) {
        return new Provenance(AssetEvent.SOURCE_UPLOAD, null, null, null, fileName, null);
    }
}
