package org.patchmap.messaging.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A named lease in MongoDB, so that one replica of a service does a job that must run once (the
 * DANDI poller, the map builder) and another takes over when it stops. The lease is one document
 * per job in {@value #COLLECTION}: {@code _id} the job, {@code holder}, {@code expiresAt}. A
 * replica holds it by taking it when it has expired (or was never taken) and renewing it before it
 * expires; a stopped replica's lease expires after {@code ttl}, or at once when it
 * {@link #release() releases} it on a clean shutdown.
 *
 * <p>One conditional update decides: it matches the document only when this replica holds it or
 * it has expired, and otherwise its upsert collides with the existing {@code _id} (a duplicate-key
 * error), which means another replica holds it. Expiry is compared with this replica's clock: the
 * clocks of the replicas must agree to well within {@code ttl} (NTP does).
 */
public final class Lease {
    public static final String COLLECTION = "leases";

    private final MongoCollection<Document> leases;
    private final String job;
    private final String holder;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param job    what the lease is for, e.g. {@code dandi-poller}
     * @param holder this replica, unique among replicas (pod name and a random part)
     * @param ttl    how long a holder that stops renewing keeps the lease
     */
    public Lease(MongoCollection<Document> leases, String job, String holder, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease " + job + ": ttl must be positive, got " + ttl);
        }
        this.leases = leases;
        this.job = job;
        this.holder = holder;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * A holder name for this process: {@code instance} (a pod's name in Kubernetes) and six random hex digits, so that
     * two processes with the same name (two services of the local stack on one host) stay apart.
     */
    public static String replicaName(String instance) {
        return instance + "-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt()).substring(2);
    }

    public String job() {
        return job;
    }

    public String holder() {
        return holder;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Takes or renews the lease; true when this replica holds it until now + ttl. */
    public boolean hold() {
        Instant now = clock.instant();
        try {
            Document held = leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", job),
                            Filters.or(Filters.eq("holder", holder), Filters.lte("expiresAt", Date.from(now)))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", Date.from(now.plus(ttl))),
                            Updates.set("renewedAt", Date.from(now))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return held != null && holder.equals(held.getString("holder"));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (com.mongodb.MongoCommandException e) {
            // findAndModify reports the upsert's collision as a command error on some servers
            if (e.getErrorCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease up if this replica holds it, so that another takes it without waiting for the expiry. */
    public void release() {
        leases.deleteOne(Filters.and(Filters.eq("_id", job), Filters.eq("holder", holder)));
    }

    /** The replica holding the lease now, if it is held and not expired. */
    public Optional<String> currentHolder() {
        Document d = leases.find(Filters.eq("_id", job)).first();
        if (d == null || !d.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(d.getString("holder"));
    }
}
