package org.patchmap.ingest.poll;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.ingest.dandi.DandiConfig;

/**
 * Polls DANDI every {@code patchmap.dandi.poll-every} unless {@code patchmap.dandi.poll-enabled=false},
 * on the one replica that holds the poll lease ({@link PollLease}).
 */
@ApplicationScoped
public class PollSchedule {
    private static final Logger LOG = Logger.getLogger(PollSchedule.class);

    @Inject
    DandiPoller poller;

    @Inject
    DandiConfig config;

    @Inject
    PollLease lease;

    @Scheduled(identity = "dandi-poll", every = "${patchmap.dandi.poll-every}", delayed = "${patchmap.dandi.poll-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.pollEnabled()) {
            return;
        }
        if (!lease.hold()) {
            LOG.infof("scheduled DANDI poll skipped: %s holds the poll lease", lease.holderOrNone());
            return;
        }
        if (poller.runIfIdle(PollTrigger.SCHEDULE).isEmpty()) {
            LOG.info("scheduled DANDI poll skipped: a poll is already running");
        }
    }
}
