package org.patchmap.messaging.limits;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * The per-client limits of one costly endpoint, applied in a Vert.x route that runs as soon as a request's headers
 * have arrived (before its body is read): beyond a limit, 429 {@code {"error": "..."}} naming it and its setting,
 * with {@code Retry-After} seconds; an admitted request is in progress until its answer is sent or its connection
 * closes. The client is the connection's remote address, or the first hop of {@code X-Forwarded-For} when the
 * proxy in front is trusted to set it.
 *
 * @param what          the requests' plural noun in the messages ("uploads", "placements")
 * @param rateSetting   the rate's environment variable, named in the message
 * @param concurrencySetting the concurrency limit's environment variable, named in the message
 */
public record ClientAdmission(ClientLimits limits, boolean trustForwarded, String what, String rateSetting,
                              String concurrencySetting, Consumer<ClientLimit> refusals) {
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Logger LOG = Logger.getLogger(ClientAdmission.class);

    /** Admits the request (the next handler runs) or answers 429. */
    public void handle(RoutingContext ctx) {
        String client = client(ctx.request(), trustForwarded);
        ClientLimits.Admission admission = limits.admit(client);
        if (admission instanceof ClientLimits.Admitted admitted) {
            ctx.addEndHandler(done -> admitted.release().run());
            ctx.next();
            return;
        }
        ClientLimits.Refused refused = (ClientLimits.Refused) admission;
        String message = message(refused);
        refusals.accept(refused.limit());
        LOG.debugf("%s refused (429) for %s: %s", what, client, message);
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
        refuse(ctx, 429, message);
    }

    /** What a refusal says: the limit, its value and its setting, and the wait. */
    String message(ClientLimits.Refused refused) {
        String wait = "; try again in " + refused.retryAfterSeconds() + " s";
        if (refused.limit() == ClientLimit.RATE) {
            return "too many " + what + ": at most " + limits.perMinute() + " a minute from one client ("
                    + rateSetting + ")" + wait;
        }
        return "too many " + what + " at once: at most " + limits.concurrent() + " in progress from one client ("
                + concurrencySetting + ")" + wait;
    }

    /** Answers {@code status} with {@code {"error": message}}. */
    public static void refuse(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", message).encode());
    }

    /**
     * The client's address: the first hop of {@code X-Forwarded-For} when the proxy in front is trusted to set it,
     * else the connection's remote address.
     */
    public static String client(HttpServerRequest request, boolean trustForwarded) {
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
