package org.patchmap.ingest.rest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.ingest.config.IngestConfig;
import org.patchmap.ingest.upload.ClientLimits;
import org.patchmap.ingest.upload.UploadLimit;
import org.patchmap.ingest.upload.UploadIntake;
import org.patchmap.ingest.upload.UploadMetrics;
import org.patchmap.ingest.upload.UploadOutcome;

/**
 * The admission of {@code POST /api/uploads}, by a Vert.x route that runs as soon as the request's
 * headers have arrived, before the HTTP layer's own body limit and before the REST layer reads (and
 * spools) the body. First the declared length: over {@code INGEST_UPLOAD_MAX_SIZE} (plus room for
 * the multipart framing), 413 {@code {"error": "..."}} with the limit, whatever the size (the HTTP
 * layer's {@code quarkus.http.limits.max-body-size} would answer an empty 413). Then the per-client
 * limits ({@link ClientLimits}): beyond one, 429 {@code {"error": "..."}} naming it, with
 * {@code Retry-After} seconds. An admitted upload is in progress until its answer is sent or its
 * connection closes. Gauge {@code patchmap_uploads_in_progress}: admitted uploads whose answer is
 * not sent yet, all clients together.
 */
@ApplicationScoped
public class UploadAdmission {
    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Room for the multipart boundaries and part headers around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(UploadAdmission.class);

    @Inject
    IngestConfig config;

    @Inject
    UploadMetrics metrics;

    @Inject
    UploadIntake intake;

    @Inject
    MeterRegistry registry;

    private ClientLimits limits;

    void route(@Observes Router router) {
        limits = new ClientLimits(config.uploadRatePerMinute(), config.uploadConcurrentPerClient(), System::nanoTime);
        Gauge.builder("patchmap.uploads.in.progress", limits, ClientLimits::inProgress)
                .description("Uploads admitted whose answer is not sent yet").strongReference(true).register(registry);
        router.route(HttpMethod.POST, "/api/uploads").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::admit);
    }

    private void admit(RoutingContext ctx) {
        long declared = declaredLength(ctx.request());
        if (declared > intake.maxBytes() + MULTIPART_OVERHEAD) {
            metrics.upload(UploadOutcome.TOO_LARGE);
            refuse(ctx, 413, intake.tooLarge("upload", declared));
            return;
        }
        String client = client(ctx.request(), config.uploadTrustForwarded());
        ClientLimits.Admission admission = limits.admit(client);
        if (admission instanceof ClientLimits.Admitted admitted) {
            ctx.addEndHandler(done -> admitted.release().run());
            ctx.next();
            return;
        }
        ClientLimits.Refused refused = (ClientLimits.Refused) admission;
        String message = message(refused);
        metrics.refused(refused.limit());
        LOG.debugf("upload refused (429) for %s: %s", client, message);
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
        refuse(ctx, 429, message);
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", message).encode());
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

    private String message(ClientLimits.Refused refused) {
        String wait = "; try again in " + refused.retryAfterSeconds() + " s";
        if (refused.limit() == UploadLimit.RATE) {
            return "too many uploads: at most " + limits.perMinute()
                    + " a minute from one client (UPLOAD_RATE_PER_MINUTE)" + wait;
        }
        return "too many uploads at once: at most " + limits.concurrent()
                + " in progress from one client (UPLOAD_CONCURRENT_PER_CLIENT)" + wait;
    }

    /**
     * The client's address: the first hop of {@code X-Forwarded-For} when the proxy in front is
     * trusted to set it, else the connection's remote address.
     */
    static String client(HttpServerRequest request, boolean trustForwarded) {
        if (trustForwarded) {
            String forwarded = request.getHeader(FORWARDED_FOR);
            if (forwarded != null) {
                String first = forwarded.split(",", 2)[0].strip();
                if (!first.isEmpty()) {
                    return first;
                }
            }
        }
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
