package org.patchmap.metadata.model;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The client when {@code MODEL_ENABLED=true}; otherwise an empty Optional and no call is ever made. */
@ApplicationScoped
public class LanguageModelProducer {
    @Produces
    @Singleton // Optional cannot be proxied: one instance, made at first use
    Optional<LanguageModelClient> client(ModelConfig config, MeterRegistry registry) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new LanguageModelClient(config.baseUrl(), config.name(), config.apiKey(), config.timeout(),
                registry));
    }
}
