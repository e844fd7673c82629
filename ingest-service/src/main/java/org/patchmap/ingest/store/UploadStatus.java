package org.patchmap.ingest.store;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where an upload is in the pipeline: {@code received} (stored, published on patchmap.assets),
 * {@code extracting}, {@code extracted} (it has a cell) or {@code failed} (its outcome says why).
 */
public enum UploadStatus implements WireValue {
    RECEIVED,
    EXTRACTING,
    EXTRACTED,
    FAILED;

    /** As stored in MongoDB and shown by the API. */
    @Override
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant stored as {@code wire}; null for null. */
    public static UploadStatus of(String wire) {
        return WireValue.of(UploadStatus.class, wire);
    }
}
