package org.patchmap.embedding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code patchmap.placements.*}: the per-client limits of {@code POST /api/placements}. */
@ConfigMapping(prefix = "patchmap.placements")
public interface PlacementConfig {
    /** Placements one client may ask per minute (a token bucket: that many at once, then steadily); 0 = no limit. */
    @WithDefault("30")
    int ratePerMinute();

    /** Placements one client may have in progress at once; 0 = no limit. */
    @WithDefault("2")
    int concurrentPerClient();

    /**
     * Whether the client is the first address of {@code X-Forwarded-For} (behind a proxy that sets it) rather
     * than the connection's remote address. Only behind such a proxy: a client reaching the service directly
     * could name any address.
     */
    @WithDefault("false")
    boolean trustForwarded();
}
