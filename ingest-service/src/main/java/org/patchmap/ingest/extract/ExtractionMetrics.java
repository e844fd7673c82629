package org.patchmap.ingest.extract;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.patchmap.core.recording.ReadBudget;
import org.patchmap.events.AssetEvent;
import org.patchmap.ingest.store.AssetStatus;
import org.patchmap.ingest.store.TraceKind;

import java.util.List;

/**
 * Extraction's meters: {@code patchmap_ingest_assets_total{outcome,source}} (one per asset
 * handled), {@code patchmap_ingest_failures_total{reason}} (the {@code failed} ones by kind),
 * {@code patchmap_ingest_extraction_seconds{outcome}} (download, reading, storing and publishing
 * of one asset) and {@code patchmap_ingest_traces_bytes_total{kind}} (bytes stored in GridFS).
 * Bytes and time of the downloads themselves are the DANDI client's
 * ({@code patchmap_dandi_download_bytes_total}, {@code patchmap_dandi_download_seconds}).
 * {@code patchmap_ingest_reads_over_budget_total{limit}} counts the files whose read hit the
 * reader's memory or time budget (INGEST_READ_MAX_MEMORY, INGEST_READ_MAX_TIME).
 */
@ApplicationScoped
public class ExtractionMetrics {
    @Inject
    MeterRegistry registry;

    void register(@Observes StartupEvent start) {
        for (String source : List.of(AssetEvent.SOURCE_DANDI, AssetEvent.SOURCE_UPLOAD)) {
            AssetStatus.OUTCOMES.forEach(o -> registry.counter("patchmap.ingest.assets", "outcome", o.wire(),
                    "source", source));
        }
        AssetStatus.OUTCOMES.forEach(this::timer);
        for (ReadBudget.Limit limit : ReadBudget.Limit.values()) {
            registry.counter("patchmap.ingest.reads.over.budget", "limit", limit.name().toLowerCase());
        }
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void finished(Timer.Sample sample, AssetEvent asset, Outcome outcome) {
        sample.stop(timer(outcome.outcome()));
        registry.counter("patchmap.ingest.assets", "outcome", outcome.outcome().wire(), "source", asset.source())
                .increment();
    }

    void failure(String reason) {
        registry.counter("patchmap.ingest.failures", "reason", reason).increment();
    }

    /** A file whose read its budget stopped (it is also counted as {@code unreadable}). */
    void overBudget(ReadBudget.Limit limit) {
        registry.counter("patchmap.ingest.reads.over.budget", "limit", limit.name().toLowerCase()).increment();
    }

    void stored(TraceKind kind, long bytes) {
        registry.counter("patchmap.ingest.traces.bytes", "kind", kind.wire()).increment(bytes);
    }

    private Timer timer(AssetStatus outcome) {
        return Timer.builder("patchmap.ingest.extraction").tag("outcome", outcome.wire())
                .description("Time to extract one asset: download, read, store, publish").register(registry);
    }
}
