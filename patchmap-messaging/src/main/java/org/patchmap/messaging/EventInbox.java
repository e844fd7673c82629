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
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * <p>A crash ends every record in progress in the process, not only the one that caused it. So a
 * record with an unfinished attempt (a suspect) runs alone: its attempt is taken back while it waits
 * until the records in progress are done, and counted again once it runs, the others waiting for it.
 * After one crash the records that were in progress are each tried alone; the innocent finish, and
 * only the record that crashes the consumer on its own reaches the limit. (A record already counted
 * while it waits behind a suspect that crashes becomes a suspect itself: charged once, then alone.) A listener may also be told of a poison record before
 * it is dead-lettered (to record the outcome where a user looks for it).
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
    /** Records run under the read lock, suspects (a crash while they were in progress) under the write lock. */
    private final ReentrantReadWriteLock isolation = new ReentrantReadWriteLock();

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
        process(record, group, handler, value -> { });
    }

    /**
     * As {@link #process(ConsumerRecord, String, Consumer)}; {@code onPoison} is given the value of a record that
     * crashed the consumer too often, before it is dead-lettered (a failure there is logged and the letter
     * written all the same).
     */
    public void process(ConsumerRecord<String, String> record, String group, Consumer<String> handler,
                        Consumer<String> onPoison) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "ok";
        boolean begun = false;
        Lock lock = null;
        try {
            long crashes = begin(record, group);
            begun = true;
            if (crashes > 0) {
                // a suspect: not counted while it waits for the records in progress, counted again once alone
                withRetries(record, () -> {
                    attempts.takeBack(record.topic(), record.partition(), record.offset(), group);
                    return null;
                });
                begun = false;
                lock = isolation.writeLock();
                lock.lock();
                crashes = begin(record, group);
                begun = true;
            } else {
                lock = isolation.readLock();
                lock.lock();
            }
            if (crashes >= poisonMaxAttempts) {
                tell(onPoison, record);
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
            if (lock != null) {
                lock.unlock();
            }
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

    /** As {@link #process(ConsumerRecord, String, Consumer, Consumer)}, with the value read as the {@code topic}'s event. */
    public <T> void process(ConsumerRecord<String, String> record, String group, String topic, Class<T> type,
                            Consumer<T> handler, Consumer<T> onPoison) {
        process(record, group, json -> handler.accept(EventJson.read(topic, json, type)),
                json -> onPoison.accept(EventJson.read(topic, json, type)));
    }

    private void tell(Consumer<String> onPoison, ConsumerRecord<String, String> record) {
        try {
            onPoison.accept(record.value());
        } catch (RuntimeException e) {
            LOG.warnf("%s[%d]@%d: the listener could not record the poison record's outcome (%s)", record.topic(),
                    record.partition(), record.offset(), e.toString());
        }
    }

    /** Counts one more attempt at the record; returns how many were begun before and never finished. */
    private long begin(ConsumerRecord<String, String> record, String group) {
        return withRetries(record, () -> attempts.begin(record.topic(), record.partition(), record.offset(), group));
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
