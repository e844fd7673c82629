package org.patchmap.ingest.poll;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.ingest.store.AssetLedger;
import org.patchmap.ingest.store.DandiAssetStatus;
import org.patchmap.ingest.store.DandiAssetStore;

/**
 * The poller's meters: {@code patchmap_dandisets_total{outcome=selected|not_selected}} (one per
 * decision taken on a new or changed version), {@code patchmap_dandi_assets_total{outcome=
 * published|reused|skipped|failed}}, {@code patchmap_dandi_poll_failures_total{reason}},
 * {@code patchmap_dandi_poll_duration_seconds} and the gauge {@code patchmap_dandi_backlog}.
 */
@ApplicationScoped
public class PollMetrics {
    private static final Logger LOG = Logger.getLogger(PollMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    DandiAssetStore assets;

    @Inject
    AssetLedger ledger;

    void register(@Observes StartupEvent start) {
        registry.counter("patchmap.dandisets", "outcome", "selected");
        registry.counter("patchmap.dandisets", "outcome", "not_selected");
        DandiAssetStatus.OUTCOMES.forEach(o -> registry.counter("patchmap.dandi.assets", "outcome", o.wire()));
        pollTimer();
        Gauge.builder("patchmap.dandi.backlog", this, PollMetrics::backlogOrNaN).strongReference(true)
                .description("DANDI assets published on patchmap.assets and not yet marked done in the asset ledger")
                .register(registry);
    }

    void decided(boolean selected) {
        registry.counter("patchmap.dandisets", "outcome", selected ? "selected" : "not_selected").increment();
    }

    void asset(DandiAssetStatus outcome) {
        registry.counter("patchmap.dandi.assets", "outcome", outcome.wire()).increment();
    }

    void failure(String reason) {
        registry.counter("patchmap.dandi.poll.failures", "reason", reason).increment();
    }

    Timer pollTimer() {
        return Timer.builder("patchmap.dandi.poll.duration").description("Duration of one DANDI poll")
                .register(registry);
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    /** Published assets whose ledger entry is missing (not consumed yet) or still pending. */
    public long backlog() {
        var published = assets.publishedLedgerIds();
        return published.size() - ledger.countDone(published);
    }

    private double backlogOrNaN() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            LOG.debugf("backlog unavailable: %s", e.toString());
            return Double.NaN;
        }
    }
}
