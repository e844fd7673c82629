package org.patchmap.ingest.store;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;

/**
 * Where an asset stands in the ledger: {@code pending} until extraction records what it made of
 * the file. {@code extracted}, {@code no_family}, {@code unreadable} and {@code too_large} are
 * results of the file itself; {@code failed} is anything else (a download, a digest, the disk
 * budget...).
 */
public enum AssetStatus implements WireValue {
    PENDING,
    EXTRACTED,
    NO_FAMILY,
    UNREADABLE,
    TOO_LARGE,
    FAILED;

    /** The statuses extraction records, every one but {@code pending}. */
    public static final List<AssetStatus> OUTCOMES = List.of(EXTRACTED, NO_FAMILY, UNREADABLE, TOO_LARGE, FAILED);

    /** As stored in MongoDB and shown by the API. */
    @Override
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status stored as {@code wire}; null for null. */
    public static AssetStatus of(String wire) {
        return WireValue.of(AssetStatus.class, wire);
    }
}
