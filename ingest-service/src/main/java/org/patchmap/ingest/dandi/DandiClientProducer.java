package org.patchmap.ingest.dandi;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one {@link DandiClient} of the service, configured from {@link DandiConfig}. */
public class DandiClientProducer {
    @Produces
    @Singleton
    DandiClient dandiClient(DandiConfig config, MeterRegistry registry) {
        return new DandiClient(DandiClient.Settings.from(config), registry);
    }
}
