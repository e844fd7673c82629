package org.patchmap.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.patchmap.messaging.replay.DeadLetterReplay;
import org.patchmap.messaging.replay.LetterAddress;
import org.patchmap.messaging.replay.LetterReplay;
import org.patchmap.messaging.replay.ReplayOutcome;
import org.patchmap.messaging.replay.StoredDeadLetter;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The operator's view of every topic's dead letters ({@link DeadLetterReplay}), through the same Kafka
 * settings as the service's channels (bootstrap servers, security). Counts
 * {@code patchmap_dead_letters_replayed_total{topic}} per record sent back to its original topic.
 */
@ApplicationScoped
public class DeadLetters {
    /** The longest wait for the broker in one step of a listing or a replay. */
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    MeterRegistry registry;

    private DeadLetterReplay replay;

    @PostConstruct
    void start() {
        replay = new DeadLetterReplay(kafka, BROKER_TIMEOUT);
    }

    /** The latest {@code limit} letters of {@code topic}'s dead-letter topic ({@code topic} may name it). */
    public List<StoredDeadLetter> list(String topic, int limit) {
        return replay.list(DeadLetterReplay.dlqTopic(topic), limit);
    }

    /** Sends the letters at {@code addresses} of {@code topic}'s dead-letter topic back; one answer each. */
    public List<LetterReplay> replay(String topic, List<LetterAddress> addresses) {
        List<LetterReplay> answers = replay.replay(DeadLetterReplay.dlqTopic(topic), addresses);
        for (LetterReplay answer : answers) {
            if (answer.outcome() == ReplayOutcome.REPLAYED) {
                registry.counter("patchmap.dead.letters.replayed", "topic", answer.topic()).increment();
            }
        }
        return answers;
    }
}
