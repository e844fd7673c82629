package org.patchmap.ingest.poll;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.patchmap.ingest.dandi.DandiConfig;
import org.patchmap.messaging.store.Lease;
import org.patchmap.messaging.store.LeaseKeeper;

import java.time.Clock;

/**
 * Which replica runs the scheduled DANDI poll: the one holding the {@code dandi-poller} lease
 * ({@link Lease}, kept by a {@link LeaseKeeper}). Every replica with the poll enabled contends
 * for it; the holder renews it every {@code patchmap.dandi.poll-lease-renew-every}, also while a
 * long poll runs; when the holder stops, another takes over within
 * {@code patchmap.dandi.poll-lease-ttl} (at once after a clean shutdown, which releases it). A
 * replica with the poll disabled never takes it. {@code POST /api/admin/poll} is an operator's
 * explicit request and runs on any replica. {@code patchmap_lease_held{lease="dandi-poller"}} is 1 on
 * the holder.
 */
@ApplicationScoped
public class PollLease {
    static final String JOB = "dandi-poller";

    @Inject
    DandiConfig config;

    @Inject
    MongoDatabase database;

    @Inject
    MeterRegistry registry;

    private volatile LeaseKeeper keeper;

    void start(@Observes StartupEvent start) {
        if (config.pollEnabled()) {
            keeper = LeaseKeeper.start(new Lease(database.getCollection(Lease.COLLECTION), JOB,
                    Lease.replicaName(config.instanceId()), config.pollLeaseTtl(), Clock.systemUTC()),
                    config.pollLeaseRenewEvery(), registry);
        }
    }

    /** Takes or renews the lease now; false when the poll is disabled, another replica holds it or MongoDB cannot be reached. */
    boolean hold() {
        return keeper != null && keeper.hold();
    }

    /** The replica holding the lease, for the log of a skipped poll. */
    String holderOrNone() {
        return keeper == null ? "no replica (the poll is disabled here)" : keeper.holderOrNone();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (keeper != null) {
            keeper.close();
        }
    }
}
