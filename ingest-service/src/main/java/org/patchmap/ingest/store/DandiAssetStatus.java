package org.patchmap.ingest.store;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;

/**
 * What the poller did with one DANDI asset: {@code publishing} (sent, not yet acknowledged: sent
 * again by the next poll), {@code published} on patchmap.assets, {@code reused} (the same asset or
 * digest was published before), {@code skipped} (too large) or {@code failed} (tried again next
 * poll).
 */
public enum DandiAssetStatus implements WireValue {
    PUBLISHING,
    PUBLISHED,
    REUSED,
    SKIPPED,
    FAILED;

    /** What a poll can count an asset as: every status but {@code publishing}. */
    public static final List<DandiAssetStatus> OUTCOMES = List.of(PUBLISHED, REUSED, SKIPPED, FAILED);

    /** Whether a later poll has nothing left to do with the asset. */
    public boolean settled() {
        return this == PUBLISHED || this == REUSED || this == SKIPPED;
    }

    /** As stored in MongoDB and shown by the API. */
    @Override
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant stored as {@code wire}; null for null. */
    public static DandiAssetStatus of(String wire) {
        return WireValue.of(DandiAssetStatus.class, wire);
    }
}
