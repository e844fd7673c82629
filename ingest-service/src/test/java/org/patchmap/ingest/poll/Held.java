package org.patchmap.ingest.poll;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.patchmap.deploy.testing.Eventually;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A WireMock extension that holds back the answers of the stubs naming it ({@code withTransformers(Held.NAME)})
 * while the test says so: the request stays in flight exactly as long as the test needs, however fast or slow
 * the machine is.
 */
final class Held implements ResponseTransformerV2 {
    static final String NAME = "held";

    private volatile CountDownLatch released = new CountDownLatch(0);

    /** From now on, answers wait for {@link #release()}. */
    void hold() {
        released = new CountDownLatch(1);
    }

    /** Lets the answers waiting (and every later one) go. */
    void release() {
        released.countDown();
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        try {
            // past the hang guard the test has failed anyway: answer rather than hold a server thread for ever
            released.await(Eventually.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return response;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
