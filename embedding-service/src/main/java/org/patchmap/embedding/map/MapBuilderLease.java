package org.patchmap.embedding.map;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.patchmap.embedding.config.MapConfig;
import org.patchmap.messaging.store.Lease;
import org.patchmap.messaging.store.LeaseKeeper;

import java.time.Clock;

/**
 * Which replica builds maps: the one holding the {@code map-builder} lease ({@link Lease}, kept by a
 * {@link LeaseKeeper}); the others serve and place on the version it makes current
 * ({@link LivingMap#follow()}). When the builder stops, another replica takes over within
 * {@code patchmap.map.builder-lease-ttl} (at once after a clean shutdown).
 * {@code patchmap_lease_held{lease="map-builder"}} is 1 on the builder.
 */
@ApplicationScoped
public class MapBuilderLease {
    static final String JOB = "map-builder";

    @Inject
    MapConfig config;

    @Inject
    MongoDatabase database;

    @Inject
    MeterRegistry registry;

    private volatile LeaseKeeper keeper;

    // before LivingMap's start, which asks whether this replica builds
    void start(@Observes @Priority(1) StartupEvent start) {
        keeper = LeaseKeeper.start(new Lease(database.getCollection(Lease.COLLECTION), JOB,
                Lease.replicaName(config.instanceId()), config.builderLeaseTtl(), Clock.systemUTC()),
                config.builderLeaseRenewEvery(), registry);
    }

    /** Takes or renews the lease now: true when this replica builds. */
    boolean hold() {
        return keeper != null && keeper.hold();
    }

    /** Whether this replica held the lease at its last renewal. */
    boolean held() {
        return keeper != null && keeper.held();
    }

    /** The builder's name, for a log line. */
    String holderOrNone() {
        return keeper == null ? "no replica" : keeper.holderOrNone();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (keeper != null) {
            keeper.close();
        }
    }
}
