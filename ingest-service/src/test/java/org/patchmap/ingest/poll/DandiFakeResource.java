package org.patchmap.ingest.poll;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A fake DANDI API (WireMock on a dynamic port; {@link Held} holds answers back on request) for the
 * poller's tests, and the settings that point the service at it: quick retries, a 15 MB file limit,
 * a database and a consumer group of their own (so records other test classes left on
 * {@code patchmap.assets} stay out).
 */
public class DandiFakeResource implements QuarkusTestResourceLifecycleManager {
    static WireMockServer server;
    static final Held held = new Held();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(held));
        server.start();
        Map<String, String> config = new HashMap<>(Map.of(
                "patchmap.dandi.api-url", server.baseUrl() + "/api",
                "patchmap.dandi.max-attempts", "2",
                "patchmap.dandi.backoff-initial", "10ms",
                "patchmap.dandi.backoff-max", "20ms",
                "patchmap.dandi.poll-enabled", "false",
                "patchmap.ingest.max-file-bytes", "15000000",
                "quarkus.mongodb.database", database(),
                "mp.messaging.incoming.assets.group.id", "ingest-service-" + database(),
                "mp.messaging.incoming.assets.auto.offset.reset", "latest"));
        config.putAll(extra());
        return config;
    }

    protected String database() {
        return "patchmap-poller-test";
    }

    protected Map<String, String> extra() {
        return Map.of();
    }

    /** The same fake, with drafts included and a database of its own. */
    public static class WithDrafts extends DandiFakeResource {
        @Override
        protected String database() {
            return "patchmap-poller-drafts-test";
        }

        @Override
        protected Map<String, String> extra() {
            return Map.of("patchmap.dandi.include-drafts", "true");
        }
    }

    /**
     * The same fake with the scheduled poll on, as one replica named {@code ingest-test} of several: the
     * schedule's and the lease's own timers are an hour away, so the test runs a scheduled poll and a
     * renewal itself.
     */
    public static class WithLease extends DandiFakeResource {
        @Override
        protected String database() {
            return "patchmap-poller-lease-test";
        }

        @Override
        protected Map<String, String> extra() {
            return Map.of("patchmap.dandi.poll-enabled", "true", "patchmap.dandi.poll-delay", "1h",
                    "patchmap.dandi.poll-every", "1h", "patchmap.dandi.poll-lease-renew-every", "1h",
                    "patchmap.dandi.poll-lease-ttl", "2h",
                    "patchmap.dandi.instance-id", "ingest-test");
        }
    }

    @Override
    public void stop() {
        held.release();
        if (server != null) {
            server.stop();
        }
    }
}
