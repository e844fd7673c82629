package org.patchmap.messaging.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The token bucket and the in-progress count, on a clock the test moves. */
class ClientLimitsTest {
    private final AtomicLong now = new AtomicLong(1_000);

    private void advanceSeconds(double seconds) {
        now.addAndGet((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
    }

    @Test
    void tenAMinuteAtOnceThenOneEverySixSeconds() {
        ClientLimits limits = new ClientLimits(10, 0, 5, now::get);
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(ClientLimits.Admitted.class, limits.admit("a")).release().run();
        }
        assertEquals(new ClientLimits.Refused(ClientLimit.RATE, 6), limits.admit("a"));
        advanceSeconds(4.5);
        assertEquals(new ClientLimits.Refused(ClientLimit.RATE, 2), limits.admit("a"));
        advanceSeconds(1.5);
        assertInstanceOf(ClientLimits.Admitted.class, limits.admit("a"));
        assertEquals(new ClientLimits.Refused(ClientLimit.RATE, 6), limits.admit("a"));
        // another client has a bucket of its own
        assertInstanceOf(ClientLimits.Admitted.class, limits.admit("b"));
        // a minute refills the bucket, never beyond its size
        advanceSeconds(600);
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(ClientLimits.Admitted.class, limits.admit("a"));
        }
        assertEquals(ClientLimit.RATE, ((ClientLimits.Refused) limits.admit("a")).limit());
    }

    @Test
    void twoInProgressAtOnceAndARefusalCostsNoToken() {
        ClientLimits limits = new ClientLimits(3, 2, 5, now::get);
        ClientLimits.Admitted first = assertInstanceOf(ClientLimits.Admitted.class, limits.admit("a"));
        ClientLimits.Admitted second = assertInstanceOf(ClientLimits.Admitted.class, limits.admit("a"));
        assertEquals(new ClientLimits.Refused(ClientLimit.CONCURRENCY, 5), limits.admit("a"));
        assertEquals(new ClientLimits.Refused(ClientLimit.CONCURRENCY, 5), limits.admit("a"));
        assertEquals(2, limits.inProgress());
        first.release().run();
        first.release().run(); // once only: the answer's end and the connection's close both call it
        assertEquals(1, limits.inProgress());
        // the third token is still there: the two refusals took none
        assertInstanceOf(ClientLimits.Admitted.class, limits.admit("a"));
        second.release().run();
        assertEquals(ClientLimit.RATE, ((ClientLimits.Refused) limits.admit("a")).limit());
    }

    @Test
    void zeroTurnsALimitOff() {
        ClientLimits limits = new ClientLimits(0, 0, 5, now::get);
        for (int i = 0; i < 1000; i++) {
            assertInstanceOf(ClientLimits.Admitted.class, limits.admit("a"));
        }
        assertEquals(1000, limits.inProgress());
    }

    @Test
    void idleClientsAreForgottenWhenManyAreTracked() {
        ClientLimits limits = new ClientLimits(10, 2, 5, now::get);
        ClientLimits.Admitted busy = assertInstanceOf(ClientLimits.Admitted.class, limits.admit("busy"));
        for (int i = 1; i < ClientLimits.MAX_TRACKED; i++) {
            assertInstanceOf(ClientLimits.Admitted.class, limits.admit("client-" + i)).release().run();
        }
        assertEquals(ClientLimits.MAX_TRACKED, limits.tracked());
        advanceSeconds(6); // every bucket full again, but the busy client's upload is still in progress
        assertInstanceOf(ClientLimits.Admitted.class, limits.admit("newcomer")).release().run();
        assertEquals(2, limits.tracked());
        busy.release().run();
        assertEquals(0, limits.inProgress());
    }
}
