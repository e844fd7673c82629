package org.patchmap.feature.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;

import java.time.Instant;

/**
 * Writes what this service could not process to {@code patchmap.sweeps.dlq}, waiting for the
 * broker's acknowledgement so that the failed record is committed only once it is safe there.
 */
@ApplicationScoped
public class DeadLetters {
    static final String SERVICE = "feature-service";
    static final String DLQ_OUT = "sweeps-dlq";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    @Channel(DLQ_OUT)
    MutinyEmitter<String> dlq;

    @Inject
    MeterRegistry registry;

    public void send(ConsumerRecord<String, String> record, Exception failure) {
        DeadLetterEvent letter = DeadLetterEvent.of(SERVICE, record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), failure, Instant.now());
        LOG.warnf("dead letter: %s[%d]@%d key=%s: %s", record.topic(), record.partition(), record.offset(),
                record.key(), letter.reason());
        dlq.sendMessageAndAwait(KafkaRecord.of(record.key(), EventJson.write(letter)));
        registry.counter("patchmap.dead.letters", "topic", record.topic(),
                "reason", failure.getClass().getSimpleName()).increment();
    }
}
