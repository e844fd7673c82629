package org.patchmap.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One question to an OpenAI-compatible {@code /chat/completions} endpoint. Never throws: every
 * failure (timeout, HTTP error, malformed or out-of-list answer) is a {@link ModelAnswer} with its
 * outcome, counted in {@code patchmap_model_calls_total{outcome}}, and the offline result stands.
 */
public class LanguageModelClient {
    private static final Logger LOG = Logger.getLogger(LanguageModelClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String model;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final MeterRegistry registry;
    private final HttpClient http;

    public LanguageModelClient(String baseUrl, String model, Optional<String> apiKey, Duration timeout,
                               MeterRegistry registry) {
        this.endpoint = URI.create(baseUrl.replaceFirst("/+$", "") + "/chat/completions");
        this.model = model;
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.timeout = timeout;
        this.registry = registry;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Which listed region and species the text describes, or why there is no usable answer. */
    public ModelAnswer ask(String title, String description, List<String> keywords, Collection<String> regions,
                           Collection<String> species) {
        Timer.Sample sample = Timer.start(registry);
        ModelAnswer answer = call(title, description, keywords, regions, species);
        sample.stop(registry.timer("patchmap.model.duration", "outcome", answer.outcome().wire()));
        registry.counter("patchmap.model.calls", "outcome", answer.outcome().wire()).increment();
        if (answer.outcome() != ModelOutcome.ANSWERED) {
            LOG.infof("language model: %s (%s)", answer.outcome().wire(), answer.detail());
        }
        return answer;
    }

    private ModelAnswer call(String title, String description, List<String> keywords, Collection<String> regions,
                             Collection<String> species) {
        String body = ChatPrompt.request(model, title, description, keywords, regions, species).toString();
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        apiKey.ifPresent(k -> req.header("Authorization", "Bearer " + k));
        HttpResponse<String> r;
        try {
            r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return ModelAnswer.failed(ModelOutcome.TIMEOUT, "no answer within " + timeout);
        } catch (IOException e) {
            return ModelAnswer.failed(ModelOutcome.HTTP_ERROR, endpoint + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ModelAnswer.failed(ModelOutcome.HTTP_ERROR, "interrupted");
        }
        if (r.statusCode() != 200) {
            return ModelAnswer.failed(ModelOutcome.HTTP_ERROR, endpoint + " answered HTTP " + r.statusCode());
        }
        try {
            JsonNode content = JSON.readTree(r.body()).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                return ModelAnswer.failed(ModelOutcome.MALFORMED, "no choices[0].message.content in the response");
            }
            return ModelAnswer.parse(content.asText(), regions, species);
        } catch (IOException e) {
            return ModelAnswer.failed(ModelOutcome.MALFORMED, "the response is not JSON");
        }
    }
}
