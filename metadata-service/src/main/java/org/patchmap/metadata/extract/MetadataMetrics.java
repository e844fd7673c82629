package org.patchmap.metadata.extract;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What an operator charts for metadata: per field, where its values come from ("unknown" when
 * nothing stated it: a rising share says DANDI's metadata or the vocabulary needs attention), how
 * often a dandiset version is extracted rather than reused, and simulated cells' truth not kept (any
 * count says the archive of simulated recordings writes something the contract refuses).
 */
@ApplicationScoped
public class MetadataMetrics {
    static final String UNKNOWN = "unknown";

    @Inject
    MeterRegistry registry;

    /** One file's value for {@code field} came from {@code source} (null: nothing stated it). */
    void value(CountedField field, String source) {
        registry.counter("patchmap.metadata.values", "field", field.wire(), "source",
                source == null ? UNKNOWN : source).increment();
    }

    /** A file's {@code simulated} metadata was not kept, for this reason. */
    void simulatedRejected(SimulatedField field, SimulatedRejection rejection) {
        registry.counter("patchmap.metadata.simulated.rejected", "field", field.wire(), "reason", rejection.wire())
                .increment();
    }

    /** A dandiset version's own metadata was extracted or read back. */
    void dandisetVersion(DandisetVersionResult result) {
        registry.counter("patchmap.metadata.dandiset.versions", "result", result.wire()).increment();
    }
}
