package org.patchmap.messaging;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
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
import org.patchmap.messaging.store.RecordAttempts;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How every PatchMap service consumes a record: the handler runs; its duration and outcome are
 * counted; a failure of the record (bad JSON, a missing field, missing traces) becomes a
 * {@link DeadLetterEvent} on {@code <topic>.dlq}, acknowledged by the broker before the record is
 * committed, and the next record goes on. A failure of the infrastructure (MongoDB unreachable,
 * see {@link Failures}) is retried with backoff; if it persists, or the dead letter itself cannot
 * be written, the exception propagates: the channel stops with the record uncommitted, so nothing
 * is lost, health reports the service down and the orchestrator restarts it.
 *
 * <p>A record that kills its consumer (an {@link Error} such as OutOfMemoryError, a crash, the
 * container killed) would be delivered again after every restart. So each delivery is counted in
 * {@link RecordAttempts} before the handler runs, and forgotten once the record is done; a record
 * delivered after {@code POISON_MAX_ATTEMPTS} (default {@value #POISON_MAX_ATTEMPTS_DEFAULT}) unfinished
 * attempts is not processed: it is dead-lettered with the reason "crashed the consumer N times"
 * ({@link PoisonRecordException}) and the next record goes on. An attempt that ends with the
 * infrastructure unavailable is taken back, so outages do not make a good record poison.
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
    static final String POISON_MAX_ATTEMPTS_DEFAULT = "3";

    @Inject
    @Channel(DEAD_LETTERS)
    MutinyEmitter<String> deadLetters;

    @Inject
    MeterRegistry registry;

    @Inject
    MongoDatabase database;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Unfinished attempts after which a record is poison (environment: POISON_MAX_ATTEMPTS). */
    @ConfigProperty(name = "poison.max-attempts", defaultValue = POISON_MAX_ATTEMPTS_DEFAULT)
    int poisonMaxAttempts;

    private RecordAttempts attempts;

    @PostConstruct
    void start() {
        attempts = new RecordAttempts(database.getCollection(RecordAttempts.COLLECTION), Clock.systemUTC());
    }

    /**
     * Processes one record's value with {@code handler}, its attempts counted under the service's name as
     * the consumer group; never throws for a bad record.
     */
    public void process(ConsumerRecord<String, String> record, Consumer<String> handler) {
        process(record, service, handler);
    }

    /** As {@link #process(ConsumerRecord, Consumer)} for a channel whose consumer group is {@code group}. */
    public void process(ConsumerRecord<String, String> record, String group, Consumer<String> handler) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "ok";
        boolean begun = false;
        try {
            long crashes = withRetries(record, () -> attempts.begin(record.topic(), record.partition(),
                    record.offset(), group));
            begun = true;
            if (crashes >= poisonMaxAttempts) {
                throw new PoisonRecordException(crashes);
            }
            withRetries(record, () -> {
                handler.accept(record.value());
                return null;
            });
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                outcome = "unavailable";
                if (begun) {
                    takeBack(record, group);
                }
                throw e;
            }
            outcome = "dead_letter";
            deadLetter(record, e);
        } finally {
            sample.stop(registry.timer("patchmap.record.duration", "topic", record.topic()));
            registry.counter("patchmap.records", "topic", record.topic(), "outcome", outcome).increment();
        }
        withRetries(record, () -> {
            attempts.finish(record.topic(), record.partition(), record.offset(), group);
            return null;
        });
    }

    /** As {@link #process(ConsumerRecord, Consumer)}, with the value read as the {@code topic}'s event first. */
    public <T> void process(ConsumerRecord<String, String> record, String topic, Class<T> type, Consumer<T> handler) {
        process(record, json -> handler.accept(EventJson.read(topic, json, type)));
    }

    /** As {@link #process(ConsumerRecord, String, Consumer)}, with the value read as the {@code topic}'s event first. */
    public <T> void process(ConsumerRecord<String, String> record, String group, String topic, Class<T> type,
                            Consumer<T> handler) {
        process(record, group, json -> handler.accept(EventJson.read(topic, json, type)));
    }

    /** The attempt did not fail for the record's sake: it does not count towards poison (when MongoDB answers). */
    private void takeBack(ConsumerRecord<String, String> record, String group) {
        try {
            attempts.takeBack(record.topic(), record.partition(), record.offset(), group);
        } catch (RuntimeException e) {
            LOG.warnf("%s[%d]@%d: attempt not taken back (%s): it counts towards %d", record.topic(),
                    record.partition(), record.offset(), e.getMessage(), poisonMaxAttempts);
        }
    }

    private <R> R withRetries(ConsumerRecord<String, String> record, Supplier<R> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
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
