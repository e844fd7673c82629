package org.patchmap.ingest.upload;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.patchmap.messaging.limits.ClientLimit;

/**
 * {@code patchmap_ingest_uploads_total{outcome}}: every upload, by {@link UploadOutcome};
 * {@code patchmap_uploads_refused_total{reason}}: uploads refused by a per-client limit, by
 * {@link ClientLimit} (before their body is read, so not counted in the first);
 * {@code patchmap_uploads_expired_total}: uploads deleted by the expiry ({@link UploadExpiry}).
 */
@ApplicationScoped
public class UploadMetrics {
    @Inject
    MeterRegistry registry;

    void register(@Observes StartupEvent start) {
        for (UploadOutcome o : UploadOutcome.values()) {
            registry.counter("patchmap.ingest.uploads", "outcome", o.label());
        }
        registry.counter("patchmap.uploads.expired");
        for (ClientLimit l : ClientLimit.values()) {
            registry.counter("patchmap.uploads.refused", "reason", l.label());
        }
    }

    public void upload(UploadOutcome outcome) {
        registry.counter("patchmap.ingest.uploads", "outcome", outcome.label()).increment();
    }

    public void expired() {
        registry.counter("patchmap.uploads.expired").increment();
    }

    public void refused(ClientLimit limit) {
        registry.counter("patchmap.uploads.refused", "reason", limit.label()).increment();
    }
}
