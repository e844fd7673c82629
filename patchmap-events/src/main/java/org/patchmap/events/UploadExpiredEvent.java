package org.patchmap.events;

import java.time.Instant;

/**
 * {@code patchmap.uploads.expired}: published by ingest-service when an uploaded file's data expire (older than
 * {@code UPLOAD_RETENTION} and never admitted by an admin), keyed by {@link #fileKey}. Every service that keeps
 * something of that file's cells (ids {@code fileKey} and {@code fileKey#n}, {@link CellIds}) deletes it.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param fileKey       the uploaded file's key, {@code upload:<16 hex>/<name>}; only an upload's key is accepted,
 *                      so that no DANDI cell is ever deleted by this event
 * @param digest        the file's digest, {@code sha2-256:<hex>}
 * @param uploadId      the expired upload's id (the last one of this file, when it was uploaded several times)
 * @param receivedAt    when that upload was received
 * @param expiredAt     when ingest-service expired it
 */
public record UploadExpiredEvent(int schemaVersion, String fileKey, String digest, String uploadId,
                                 Instant receivedAt, Instant expiredAt) {
    public static final int SCHEMA_VERSION = 1;
    private static final String EVENT = Topics.UPLOADS_EXPIRED;
    private static final String UPLOAD_PREFIX = "upload:";

    public UploadExpiredEvent {
        Require.schema(EVENT, schemaVersion, SCHEMA_VERSION);
        Require.text(EVENT, "fileKey", fileKey);
        if (!fileKey.startsWith(UPLOAD_PREFIX)) {
            throw new InvalidEventException(EVENT + ": fileKey '" + fileKey + "' is not an upload's ("
                    + UPLOAD_PREFIX + "...)");
        }
        Require.text(EVENT, "digest", digest);
        Require.text(EVENT, "uploadId", uploadId);
        Require.present(EVENT, "receivedAt", receivedAt);
        Require.present(EVENT, "expiredAt", expiredAt);
    }

    /** Whether {@code cellId} is one of this file's cells ({@code fileKey} or {@code fileKey#n}). */
    public boolean isCellOfFile(String cellId) {
        return CellIds.fileKey(cellId).equals(fileKey);
    }

    /**
     * A MongoDB regular expression matching exactly this file's cell ids: the file key, optionally followed by
     * {@code #} and a family number.
     */
    public String cellIdPattern() {
        StringBuilder quoted = new StringBuilder("^");
        for (char c : fileKey.toCharArray()) {
            // every character but letters and digits escaped: the same in Java's and MongoDB's (PCRE) syntax
            if (!Character.isLetterOrDigit(c)) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append("(#[0-9]+)?$").toString();
    }
}
