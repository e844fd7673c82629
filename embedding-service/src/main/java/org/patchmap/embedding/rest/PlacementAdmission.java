package org.patchmap.embedding.rest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.patchmap.embedding.config.PlacementConfig;
import org.patchmap.messaging.limits.ClientAdmission;
import org.patchmap.messaging.limits.ClientLimit;
import org.patchmap.messaging.limits.ClientLimits;

/**
 * The per-client limits of {@code POST /api/placements} ({@link ClientAdmission}, before the body is read):
 * {@code PLACEMENT_RATE_PER_MINUTE} a minute and {@code PLACEMENT_CONCURRENT_PER_CLIENT} at once; beyond one,
 * 429 {@code {"error": "..."}} naming it, with {@code Retry-After}. Meters:
 * {@code patchmap_placements_refused_total{reason}} ({@link ClientLimit} labels) and
 * {@code patchmap_placements_in_progress}.
 */
@ApplicationScoped
public class PlacementAdmission {
    /** A placement takes milliseconds: a client refused for concurrency may try again in a second. */
    static final long CONCURRENCY_RETRY_AFTER_SECONDS = 1;

    @Inject
    PlacementConfig config;

    @Inject
    MeterRegistry registry;

    void route(@Observes Router router) {
        ClientLimits limits = new ClientLimits(config.ratePerMinute(), config.concurrentPerClient(),
                CONCURRENCY_RETRY_AFTER_SECONDS, System::nanoTime);
        for (ClientLimit l : ClientLimit.values()) {
            registry.counter("patchmap.placements.refused", "reason", l.label());
        }
        Gauge.builder("patchmap.placements.in.progress", limits, ClientLimits::inProgress)
                .description("Placements admitted whose answer is not sent yet").strongReference(true)
                .register(registry);
        ClientAdmission admission = new ClientAdmission(limits, config.trustForwarded(), "placements",
                "PLACEMENT_RATE_PER_MINUTE", "PLACEMENT_CONCURRENT_PER_CLIENT",
                l -> registry.counter("patchmap.placements.refused", "reason", l.label()).increment());
        router.route(HttpMethod.POST, "/api/placements").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(admission::handle);
    }
}
