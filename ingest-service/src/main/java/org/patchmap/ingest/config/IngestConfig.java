package org.patchmap.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** {@code patchmap.ingest.*}: where extraction works, how much disk it may use, what it accepts. */
@ConfigMapping(prefix = "patchmap.ingest")
public interface IngestConfig {
    /** Larger files are not extracted (outcome {@code too_large}); the poller does not even publish them. */
    @WithDefault("2147483648")
    long maxFileBytes();

    /** Where DANDI assets are downloaded to (one per extraction worker at a time) and deleted after extraction. */
    @WithDefault("data/ingest/work")
    Path workDir();

    /** Where uploaded files wait for their extraction. */
    @WithDefault("data/ingest/uploads")
    Path uploadsDir();

    /** Most bytes the work and uploads directories may hold together. */
    @WithDefault("2G")
    MemorySize diskBudget();

    /** Largest upload accepted (413 beyond). */
    @WithDefault("200M")
    MemorySize uploadMaxSize();

    /** Uploads one client may start per minute (a token bucket: that many at once, then steadily); 0 = no limit. */
    @WithDefault("10")
    int uploadRatePerMinute();

    /** Uploads one client may have in progress at once; 0 = no limit. */
    @WithDefault("2")
    int uploadConcurrentPerClient();

    /**
     * Whether the client is the first address of {@code X-Forwarded-For} (behind a proxy that sets
     * it) rather than the connection's remote address. Only behind such a proxy: a client reaching
     * the service directly could name any address.
     */
    @WithDefault("false")
    boolean uploadTrustForwarded();

    /**
     * Most bytes reading one file may allocate; 0 means half the heap (the heap is sized from the
     * container's memory limit, and extraction reads one file at a time). Over it, the file is
     * {@code unreadable} with the reason and the worker goes on with the next.
     */
    @WithDefault("0")
    MemorySize readMaxMemory();

    /** Longest time reading one file may take; over it, the file is {@code unreadable} with the reason. */
    @WithDefault("5m")
    java.time.Duration readMaxTime();

    /**
     * How long an upload's data are kept unless an admin admits it: then its file, traces, ledger entry and row
     * are deleted and {@code patchmap.uploads.expired} tells the other services to delete theirs.
     */
    @WithDefault("7d")
    java.time.Duration uploadRetention();

    /** How often the upload expiry runs. */
    @WithDefault("1h")
    java.time.Duration uploadExpiryInterval();

    /** Points per sweep of the display traces (plus each sweep's first AP at full resolution). */
    @WithDefault("2000")
    int displayPoints();
}
