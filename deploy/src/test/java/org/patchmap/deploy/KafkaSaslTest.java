package org.patchmap.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.TestInfrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test broker's SASL_PLAINTEXT listener: its SCRAM-SHA-512 user signs in, a wrong password does not. */
class KafkaSaslTest {
    private static Map<String, Object> client(String password) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", TestInfrastructure.get().kafkaSaslBootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + TestInfrastructure.KAFKA_USER.name() + "\" password=\"" + password + "\";");
        return config;
    }

    @Test
    void theUserSendsAndReadsRecordsOverSasl() throws Exception {
        String topic = "infra.sasl-" + UUID.randomUUID();
        Map<String, Object> config = client(TestInfrastructure.KAFKA_USER.password());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "cell-S", "signed in")).get(60, TimeUnit.SECONDS);
        }
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    read.add(r.key() + "=" + r.value());
                }
            }
        }
        assertEquals(List.of("cell-S=signed in"), read);
    }

    @Test
    void aWrongPasswordIsRefusedWithTheReason() {
        Map<String, Object> config = client("not-the-password");
        try (Admin admin = Admin.create(config)) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().nodes().get(60, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, failure.getCause());
            assertEquals("Authentication failed during authentication due to invalid credentials with SASL "
                    + "mechanism SCRAM-SHA-512", failure.getCause().getMessage());
        }
    }
}
