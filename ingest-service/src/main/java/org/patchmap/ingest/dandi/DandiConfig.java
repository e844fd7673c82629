package org.patchmap.ingest.dandi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code patchmap.dandi.*}: where DANDI is and how patiently to talk to it (defaults in application.properties). */
@ConfigMapping(prefix = "patchmap.dandi")
public interface DandiConfig {
    /** Base URL of the DANDI REST API, e.g. {@code https://api.dandiarchive.org/api}. */
    @WithDefault("https://api.dandiarchive.org/api")
    String apiUrl();

    /** TCP connect timeout. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Time to the response headers; for a download also the longest pause between two body chunks. */
    @WithDefault("60s")
    Duration requestTimeout();

    /** Attempts per request (per download: consecutive attempts that add no byte). */
    @WithDefault("5")
    int maxAttempts();

    /** First retry delay; doubles each attempt, with jitter. */
    @WithDefault("1s")
    Duration backoffInitial();

    /** Longest computed retry delay. */
    @WithDefault("60s")
    Duration backoffMax();

    /** Longest wait a {@code Retry-After} header can ask for. */
    @WithDefault("5m")
    Duration retryAfterMax();

    /** Requests (downloads included) in flight at once. */
    @WithDefault("4")
    int maxConcurrentRequests();

    /** page_size of the listings. */
    @WithDefault("100")
    int pageSize();

    /** Time between two scheduled polls of DANDI ({@code DandiPoller}). */
    @WithDefault("1h")
    Duration pollEvery();

    /** Time from the service's start to the first scheduled poll. */
    @WithDefault("30s")
    Duration pollDelay();

    /** Whether the scheduled poll runs ({@code POST /api/admin/poll} works either way). */
    @WithDefault("true")
    boolean pollEnabled();

    /** How long the replica holding the DANDI poll lease keeps it without renewing ({@code PollLease}). */
    @WithDefault("30s")
    Duration pollLeaseTtl();

    /** How often the holder renews the DANDI poll lease (the schedule of {@code PollLease.renew}). */
    @WithDefault("10s")
    Duration pollLeaseRenewEvery();

    /** This replica's name in leases (a pod's name in Kubernetes); a random suffix keeps two processes apart. */
    @WithDefault("local")
    String instanceId();

    /** Whether a dandiset never published is polled through its draft. */
    @WithDefault("false")
    boolean includeDrafts();
}
