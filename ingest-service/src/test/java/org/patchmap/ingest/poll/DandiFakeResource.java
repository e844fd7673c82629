package org.patchmap.ingest.poll;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A fake DANDI API (WireMock on a dynamic port) for the poller's tests, and the settings that
 * point the service at it: quick retries, a 15 MB file limit, a database and a consumer group
 * of their own (so records other test classes left on {@code patchmap.assets} stay out).
 */
public class DandiFakeResource implements QuarkusTestResourceLifecycleManager {
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of(
                "patchmap.dandi.api-url", server.baseUrl() + "/api",
                "patchmap.dandi.max-attempts", "2",
                "patchmap.dandi.backoff-initial", "10ms",
                "patchmap.dandi.backoff-max", "20ms",
                "patchmap.dandi.poll-enabled", "false",
                "patchmap.ingest.max-file-bytes", "15000000",
                "quarkus.mongodb.database", "patchmap-poller-test",
                "mp.messaging.incoming.assets.group.id", "ingest-service-poller-test",
                "mp.messaging.incoming.assets.auto.offset.reset", "latest");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
