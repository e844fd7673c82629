package org.patchmap.messaging.store;

import com.mongodb.MongoException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A service's hold on one {@link Lease}: renewed on a thread of its own every {@code renewEvery}
 * (so a long job in progress keeps it), logged when this replica gains or loses it, charted as
 * {@value #GAUGE}{@code {lease}} (1 on the holder), and released on {@link #close()} so that another
 * replica takes over at once after a clean shutdown.
 */
public final class LeaseKeeper implements AutoCloseable {
    public static final String GAUGE = "patchmap.lease.held";
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

    private final Lease lease;
    private final ScheduledExecutorService renewer;
    private volatile boolean held;

    private LeaseKeeper(Lease lease, Duration renewEvery, MeterRegistry registry) {
        if (renewEvery.compareTo(lease.ttl()) >= 0) {
            throw new IllegalArgumentException("lease " + lease.job() + ": renewing every " + renewEvery
                    + " lets it expire (ttl " + lease.ttl() + ")");
        }
        this.lease = lease;
        Tags tags = Tags.of("lease", lease.job());
        // the registry can outlive an application start in one JVM (tests restart it): a gauge left by an
        // earlier start would go on reading that start's keeper
        registry.find(GAUGE).tags(tags).meters().forEach(registry::remove);
        Gauge.builder(GAUGE, this, k -> k.held ? 1 : 0).tags(tags).strongReference(true)
                .description("1 when this replica holds the lease of the job (runs it), 0 when another does")
                .register(registry);
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + lease.job());
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleWithFixedDelay(this::hold, 0, renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts keeping {@code lease}: takes it now if it is free, and renews or retakes it every {@code renewEvery}. */
    public static LeaseKeeper start(Lease lease, Duration renewEvery, MeterRegistry registry) {
        return new LeaseKeeper(lease, renewEvery, registry);
    }

    /** Takes or renews the lease now; false when another replica holds it or MongoDB cannot be reached. */
    public synchronized boolean hold() {
        boolean was = held;
        try {
            held = lease.hold();
        } catch (MongoException e) {
            held = false;
            LOG.warnf("lease %s of %s: cannot reach MongoDB (%s); not running the job until it can", lease.job(),
                    lease.holder(), e.getMessage());
        } catch (RuntimeException e) {
            held = false; // never let the renewing thread die
            LOG.errorf(e, "lease %s of %s: %s", lease.job(), lease.holder(), e.getMessage());
        }
        if (held != was) {
            LOG.infof("lease %s: this replica (%s) %s", lease.job(), lease.holder(), held ? "holds it and runs the job"
                    : "lost it; " + holderOrNone() + " holds it");
        }
        return held;
    }

    /** Whether this replica held the lease at its last renewal. */
    public boolean held() {
        return held;
    }

    /** The replica holding the lease now, for a log line. */
    public String holderOrNone() {
        try {
            return lease.currentHolder().orElse("no replica");
        } catch (MongoException e) {
            return "unknown (MongoDB unreachable)";
        }
    }

    public Lease lease() {
        return lease;
    }

    /** Stops renewing and gives the lease up if held. */
    @Override
    public synchronized void close() {
        renewer.shutdownNow();
        if (held) {
            held = false;
            try {
                lease.release();
            } catch (MongoException e) {
                LOG.warnf("lease %s of %s: not released (%s); it expires in %s", lease.job(), lease.holder(),
                        e.getMessage(), lease.ttl());
            }
        }
    }
}
