package org.patchmap.metadata.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code patchmap.model.*} (env {@code MODEL_*}): the optional language model. */
@ConfigMapping(prefix = "patchmap.model")
public interface ModelConfig {
    /** Off by default: the offline extraction is the path; the model only fills what it left unknown. */
    @WithDefault("false")
    boolean enabled();

    /** Base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://localhost:11434/v1. */
    @WithDefault("http://localhost:11434/v1")
    String baseUrl();

    /** Model name as the endpoint knows it. */
    @WithDefault("llama3.1")
    String name();

    /** Bearer token, when the endpoint needs one (a Kubernetes Secret in production). */
    Optional<String> apiKey();

    /** Longest wait for one answer; then the offline result stands. */
    @WithDefault("20s")
    Duration timeout();
}
