package org.patchmap.ingest.rest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.patchmap.ingest.config.IngestConfig;
import org.patchmap.ingest.extract.DiskBudget;
import org.patchmap.ingest.upload.UploadIntake;
import org.patchmap.ingest.upload.UploadMetrics;
import org.patchmap.ingest.upload.UploadOutcome;
import org.patchmap.messaging.limits.ClientAdmission;
import org.patchmap.messaging.limits.ClientLimits;

/**
 * The admission of {@code POST /api/uploads}, by a Vert.x route that runs as soon as the request's
 * headers have arrived, before the HTTP layer's own body limit and before the REST layer reads (and
 * spools) the body. First the declared length: over {@code INGEST_UPLOAD_MAX_SIZE} (plus room for
 * the multipart framing), 413 {@code {"error": "..."}} with the limit, whatever the size (the HTTP
 * layer's {@code quarkus.http.limits.max-body-size} would answer an empty 413); a declared length
 * that does not fit in the disk budget (which counts the spooled bodies), 507. Then the per-client
 * limits ({@link ClientAdmission}): beyond one, 429 {@code {"error": "..."}} naming it, with
 * {@code Retry-After} seconds. An admitted upload is in progress until its answer is sent or its
 * connection closes. Gauge {@code patchmap_uploads_in_progress}: admitted uploads whose answer is
 * not sent yet, all clients together.
 */
@ApplicationScoped
public class UploadAdmission {
    static final String FORWARDED_FOR = ClientAdmission.FORWARDED_FOR;
    /** Room for the multipart boundaries and part headers around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;
    /** Seconds a client refused for concurrency is told to wait: an upload usually ends within them. */
    static final long CONCURRENCY_RETRY_AFTER_SECONDS = 5;

    @Inject
    IngestConfig config;

    @Inject
    UploadMetrics metrics;

    @Inject
    UploadIntake intake;

    @Inject
    MeterRegistry registry;

    @Inject
    DiskBudget budget;

    private ClientAdmission limits;

    void route(@Observes Router router) {
        ClientLimits clientLimits = new ClientLimits(config.uploadRatePerMinute(), config.uploadConcurrentPerClient(),
                CONCURRENCY_RETRY_AFTER_SECONDS, System::nanoTime);
        limits = new ClientAdmission(clientLimits, config.uploadTrustForwarded(), "uploads",
                "UPLOAD_RATE_PER_MINUTE", "UPLOAD_CONCURRENT_PER_CLIENT", metrics::refused);
        Gauge.builder("patchmap.uploads.in.progress", clientLimits, ClientLimits::inProgress)
                .description("Uploads admitted whose answer is not sent yet").strongReference(true).register(registry);
        router.route(HttpMethod.POST, "/api/uploads").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::admit);
    }

    private void admit(RoutingContext ctx) {
        long declared = declaredLength(ctx.request());
        if (declared > intake.maxBytes() + MULTIPART_OVERHEAD) {
            metrics.upload(UploadOutcome.TOO_LARGE);
            ClientAdmission.refuse(ctx, 413, intake.tooLarge("upload", declared));
            return;
        }
        if (declared > 0) {
            var noRoom = budget.fits("upload", declared);
            if (noRoom.isPresent()) {
                metrics.upload(UploadOutcome.NO_SPACE);
                ClientAdmission.refuse(ctx, 507, UploadIntake.NO_ROOM + noRoom.get());
                return;
            }
        }
        limits.handle(ctx);
    }

    /** The declared {@code Content-Length}, or -1 (chunked: the HTTP layer's body limit applies). */
    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
