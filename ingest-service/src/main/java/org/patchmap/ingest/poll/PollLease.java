package org.patchmap.ingest.poll;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.ingest.dandi.DandiConfig;
import org.patchmap.messaging.store.Lease;

import java.time.Clock;

/**
 * Which replica runs the scheduled DANDI poll: the one holding the {@code dandi-poller} lease
 * ({@link Lease}). Every replica with the poll enabled tries to take it before each scheduled poll
 * and the holder renews it every {@code patchmap.dandi.poll-lease-renew-every}, also while a long
 * poll runs; when the holder stops, another takes over within {@code patchmap.dandi.poll-lease-ttl}
 * (at once after a clean shutdown, which releases it). {@code POST /api/admin/poll} is an
 * operator's explicit request and runs on any replica. The gauge {@code patchmap_dandi_poll_leader}
 * is 1 on the holder.
 */
@ApplicationScoped
public class PollLease {
    static final String JOB = "dandi-poller";
    private static final String GAUGE = "patchmap.dandi.poll.leader";
    private static final Logger LOG = Logger.getLogger(PollLease.class);

    @Inject
    DandiConfig config;

    @Inject
    MongoDatabase database;

    @Inject
    MeterRegistry registry;

    private volatile Lease lease;
    private volatile boolean held;

    void start(@Observes StartupEvent start) {
        lease = new Lease(database.getCollection(Lease.COLLECTION), JOB, Lease.replicaName(config.instanceId()),
                config.pollLeaseTtl(), Clock.systemUTC());
        // the registry can outlive an application start in one JVM (tests restart it): a gauge left by an
        // earlier start would go on reading that start's lease
        registry.find(GAUGE).meters().forEach(registry::remove);
        Gauge.builder(GAUGE, this, l -> l.held ? 1 : 0).strongReference(true)
                .description("1 when this replica holds the DANDI poll lease and runs the scheduled polls")
                .register(registry);
    }

    /** Takes or renews the lease; false when another replica holds it or MongoDB cannot be reached. */
    boolean hold() {
        boolean was = held;
        try {
            held = lease.hold();
        } catch (MongoException e) {
            held = false;
            LOG.warnf("DANDI poll lease %s: cannot reach MongoDB (%s); not polling until it can", lease.holder(),
                    e.getMessage());
        }
        if (held != was) {
            LOG.infof("DANDI poll lease: this replica (%s) %s", lease.holder(), held ? "holds it and polls"
                    : "lost it; " + lease.currentHolder().map(h -> h + " holds it").orElse("no replica holds it"));
        }
        return held;
    }

    /** The replica holding the lease, for the log of a skipped poll. */
    String holderOrNone() {
        return lease.currentHolder().orElse("no replica");
    }

    @Scheduled(identity = "dandi-poll-lease", every = "${patchmap.dandi.poll-lease-renew-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        if (config.pollEnabled()) {
            hold();
        }
    }

    void release(@Observes ShutdownEvent stop) {
        if (held) {
            try {
                lease.release();
            } catch (MongoException e) {
                LOG.warnf("DANDI poll lease %s: not released (%s); it expires in %s", lease.holder(), e.getMessage(),
                        config.pollLeaseTtl());
            }
        }
    }
}
