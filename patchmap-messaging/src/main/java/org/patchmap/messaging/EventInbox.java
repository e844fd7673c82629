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
 * counted; a failure becomes a {@link DeadLetterEvent} on {@code <topic>.dlq}, acknowledged by
 * the broker before the record is committed, and the next record goes on. Only a failure to
 * write the dead letter itself stops the channel (the record is then not committed, so
 * nothing is lost, and readiness reports the channel down).
 *
 * <p>Metrics: {@code patchmap_records_total{topic,outcome}},
 * {@code patchmap_record_duration_seconds{topic}}, {@code patchmap_dead_letters_total{topic,reason}}.
 * The service's outgoing channel {@value #DEAD_LETTERS} must be configured (smallrye-kafka,
 * String values); its topic is set per record.
 */
@ApplicationScoped
public class EventInbox {
    public static final String DEAD_LETTERS = "dead-letters";
    private static final Logger LOG = Logger.getLogger(EventInbox.class);

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
            handler.accept(record.value());
        } catch (RuntimeException e) {
            outcome = "dead_letter";
            deadLetter(record, e);
        } finally {
            sample.stop(registry.timer("patchmap.record.duration", "topic", record.topic()));
            registry.counter("patchmap.records", "topic", record.topic(), "outcome", outcome).increment();
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
