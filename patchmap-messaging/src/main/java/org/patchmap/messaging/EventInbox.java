package org.patchmap.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.Topics;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * How every PatchMap service consumes a record: the handler runs; its duration and outcome are
 * counted; a failure of the record (bad JSON, a missing field, missing traces) becomes a
 * {@link DeadLetterEvent} on {@code <topic>.dlq}, acknowledged by the broker before the record is
 * committed, and the next record goes on. A failure of the infrastructure (MongoDB unreachable,
 * see {@link Failures}) is retried with backoff; if it persists, or the dead letter itself cannot
 * be written, the exception propagates: the channel stops with the record uncommitted, so nothing
 * is lost, health reports the service down and the orchestrator restarts it.
 *
 * <p>Metrics: {@code patchmap_records_total{topic,outcome}} (ok, dead_letter, unavailable),
 * {@code patchmap_retries_total{topic}},
 * {@code patchmap_record_duration_seconds{topic}}, {@code patchmap_dead_letters_total{topic,reason}}.
 * The service's outgoing channel {@value #DEAD_LETTERS} must be configured (smallrye-kafka,
 * String values); its topic is set per record.
 */
@ApplicationScoped
public class EventInbox {
    public static final String DEAD_LETTERS = "dead-letters";
    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    /** Attempts for an infrastructure failure: 0.5 + 1 + 2 + 4 s of backoff before giving up. */
    static final int RETRIES = 5;

    @Inject
    @Channel(DEAD_LETTERS)
    MutinyEmitter<String> deadLetters;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Processes one record's value with {@code handler}; never throws for a bad record. */
    public void process(ConsumerRecord<String, String> record, Consumer<String> handler) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "ok";
        try {
            withRetries(record, handler);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                outcome = "unavailable";
                throw e;
            }
            outcome = "dead_letter";
            deadLetter(record, e);
        } finally {
            sample.stop(registry.timer("patchmap.record.duration", "topic", record.topic()));
            registry.counter("patchmap.records", "topic", record.topic(), "outcome", outcome).increment();
        }
    }

    /** As {@link #process(ConsumerRecord, Consumer)}, with the value read as the {@code topic}'s event first. */
    public <T> void process(ConsumerRecord<String, String> record, String topic, Class<T> type, Consumer<T> handler) {
        process(record, json -> handler.accept(EventJson.read(topic, json, type)));
    }

    private void withRetries(ConsumerRecord<String, String> record, Consumer<String> handler) {
        for (int attempt = 1; ; attempt++) {
            try {
                handler.accept(record.value());
                return;
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e) || attempt >= RETRIES) {
                    throw e;
                }
                long backoffMs = 500L << (attempt - 1);
                LOG.warnf("%s[%d]@%d: infrastructure unavailable (%s), retry %d/%d in %d ms", record.topic(),
                        record.partition(), record.offset(), e.getMessage(), attempt, RETRIES - 1, backoffMs);
                registry.counter("patchmap.retries", "topic", record.topic()).increment();
                sleep(backoffMs);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException failure) {
        DeadLetterEvent letter = DeadLetterEvent.of(service, record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), failure, Instant.now());
        LOG.warnf("dead letter: %s[%d]@%d key=%s %s: %s", record.topic(), record.partition(), record.offset(),
                record.key(), failure.getClass().getSimpleName(), letter.reason());
        OutgoingKafkaRecordMetadata<String> where = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetter(record.topic()))
                .withKey(record.key())
                .build();
        deadLetters.sendMessageAndAwait(Message.of(EventJson.write(letter)).addMetadata(where));
        registry.counter("patchmap.dead.letters", "topic", record.topic(),
                "reason", failure.getClass().getSimpleName()).increment();
    }
}
