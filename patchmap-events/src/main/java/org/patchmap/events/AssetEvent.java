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
 * @param dandiset      the dandiset version's own metadata, trimmed to what metadata extraction reads
 *                      ({@link #DANDISET_FIELDS}); {} for uploads; optional (added to version 1)
 * @param publishedAt   when this event was published
 */
public record AssetEvent(int schemaVersion, String source, String fileKey, Provenance provenance, long sizeBytes,
                         String digest, String downloadUrl, String localPath, Map<String, Object> assetMetadata,
                         Map<String, Object> dandiset, Instant publishedAt) {
    public static final int SCHEMA_VERSION = 1;
    public static final String SOURCE_DANDI = "dandi";
    public static final String SOURCE_UPLOAD = "upload";
    private static final String EVENT = Topics.ASSETS;
    /**
     * The version metadata fields an event carries: the text and summary that species, region and
     * temperature are read from, and the contributors that name the lab ({@link #LAB_ROLES}).
     * Licences and the like stay out, and so do the other contributors (an Allen dandiset lists
     * hundreds, repeated in every asset's event otherwise).
     */
    public static final List<String> DANDISET_FIELDS = List.of("identifier", "version", "name", "description",
            "keywords", "assetsSummary", "contributor");
    /**
     * The roles of the contributors an event carries, in the order metadata-service trusts them to
     * name the lab: the person who supervised the work or led the project heads the lab; a contact
     * person may be its head or a member who looks after the data.
     */
    public static final List<String> LAB_ROLES = List.of("dcite:Supervision", "dcite:ProjectLeader",
            "dcite:ContactPerson");
    /** What an event keeps of each such contributor. */
    private static final List<String> CONTRIBUTOR_FIELDS = List.of("schemaKey", "name", "roleName", "affiliation");

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
        dandiset = dandiset == null ? Map.of() : Map.copyOf(dandiset);
        Require.present(EVENT, "publishedAt", publishedAt);
    }

    /** An event without dandiset metadata (as written before {@code dandiset} existed; uploads). */
    public AssetEvent(int schemaVersion, String source, String fileKey, Provenance provenance, long sizeBytes,
                      String digest, String downloadUrl, String localPath, Map<String, Object> assetMetadata,
                      Instant publishedAt) {
        this(schemaVersion, source, fileKey, provenance, sizeBytes, digest, downloadUrl, localPath, assetMetadata,
                null, publishedAt);
    }

    /** {@link #fromDandi(String, String, String, String, long, Map, Map, Instant)} without the dandiset's metadata. */
    public static AssetEvent fromDandi(String dandisetId, String version, String assetId, String path, long sizeBytes,
                                       Map<String, Object> metadata, Instant now) {
        return fromDandi(dandisetId, version, assetId, path, sizeBytes, metadata, Map.of(), now);
    }

    /**
     * The event for one asset of a DANDI listing ({@code GET .../assets/{asset_id}/}): digest
     * {@code sha2-256} when DANDI has computed it, else its {@code dandi-etag}; download URL the
     * API's {@code /assets/{id}/download/} (it redirects to storage that serves Range requests).
     */
    public static AssetEvent fromDandi(String dandisetId, String version, String assetId, String path, long sizeBytes,
                                       Map<String, Object> metadata, Map<String, Object> versionMetadata,
                                       Instant now) {
        Provenance provenance = Provenance.dandi(dandisetId, version, assetId, path);
        return new AssetEvent(SCHEMA_VERSION, SOURCE_DANDI, CellIds.dandiFile(dandisetId, path), provenance,
                sizeBytes, dandiDigest(assetId, metadata), dandiDownloadUrl(assetId, metadata), null, metadata,
                trimDandiset(versionMetadata), now);
    }

    /**
     * The {@link #DANDISET_FIELDS} of a version's metadata, nulls left out; of its contributors, the
     * persons with one of the {@link #LAB_ROLES}, each with its name, roles and affiliations only
     * (left out when there is none).
     */
    public static Map<String, Object> trimDandiset(Map<String, Object> versionMetadata) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        for (String field : DANDISET_FIELDS) {
            Object value = versionMetadata == null ? null : versionMetadata.get(field);
            if ("contributor".equals(field)) {
                value = labContributors(value);
            }
            if (value != null) {
                kept.put(field, value);
            }
        }
        return kept;
    }

    private static List<Map<String, Object>> labContributors(Object contributors) {
        List<Map<String, Object>> kept = new java.util.ArrayList<>();
        if (contributors instanceof List<?> list) {
            for (Object c : list) {
                if (c instanceof Map<?, ?> person && "Person".equals(person.get("schemaKey"))
                        && person.get("roleName") instanceof List<?> roles && roles.stream().anyMatch(LAB_ROLES::contains)) {
                    Map<String, Object> trimmed = new java.util.LinkedHashMap<>();
                    for (String field : CONTRIBUTOR_FIELDS) {
                        if (person.get(field) != null) {
                            trimmed.put(field, person.get(field));
                        }
                    }
                    kept.add(trimmed);
                }
            }
        }
        return kept.isEmpty() ? null : kept;
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
