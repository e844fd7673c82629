package org.patchmap.deploy.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.patchmap.deploy.testing.Eventually.HANG_GUARD;

/**
 * Sends and reads plain-text records on the test broker, as another service would.
 *
 * <p>Waiting for a record uses {@link Eventually#HANG_GUARD} as its only bound. To be sure a record is
 * absent, read up to the topic's end ({@link #upToEnd}) once whatever could have published it is known
 * to be done: every service waits for the broker's acknowledgement before it goes on, so what it
 * published is on the topic by then, and no quiet time is needed.
 */
public final class KafkaTestClient {
    private KafkaTestClient() {
    }

    /** Where every partition of a topic ended at one moment: reading from it gives what came after. */
    public record Position(String topic, Map<Integer, Long> offsets) {
    }

    /** Sends one record (its partition chosen by its key) and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /**
     * Sends one record to the given partition and waits for the broker's acknowledgement. Records of one
     * partition are consumed in order: a later one being processed means the earlier ones were.
     */
    public static void send(String topic, int partition, String key, String value) {
        send(new ProducerRecord<>(topic, partition, key, value));
    }

    private static void send(ProducerRecord<String, String> record) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e.getCause());
        }
    }

    /** The end of every partition of {@code topic} now (the topic is created if it does not exist yet). */
    public static Position end(String topic) {
        try (KafkaConsumer<String, String> consumer = reader()) {
            Map<Integer, Long> offsets = new TreeMap<>();
            consumer.endOffsets(partitions(consumer, topic)).forEach((tp, offset) -> offsets.put(tp.partition(), offset));
            return new Position(topic, offsets);
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records match: returns the matching
     * records found (fewer than {@code count} only after {@link Eventually#HANG_GUARD}).
     */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                             int count) {
        return await(new Position(topic, Map.of()), match, count);
    }

    /** As {@link #await(String, Predicate, int)}, reading only what came after {@code from}. */
    public static List<ConsumerRecord<String, String>> await(Position from, Predicate<ConsumerRecord<String, String>> match,
                                                             int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = reader()) {
            seek(consumer, from);
            long deadline = System.nanoTime() + HANG_GUARD.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /** The value of the first record with {@code key} on {@code topic}, or an AssertionError after the hang guard. */
    public static String awaitValue(String topic, String key) {
        List<ConsumerRecord<String, String>> found = await(topic, r -> key.equals(r.key()), 1);
        if (found.isEmpty()) {
            throw new AssertionError("no record with key " + key + " on " + topic + " after " + HANG_GUARD);
        }
        return found.get(0).value();
    }

    /** Every matching record on {@code topic}, from the beginning up to the topic's end at the time of the call. */
    public static List<ConsumerRecord<String, String>> upToEnd(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return upToEnd(new Position(topic, Map.of()), match);
    }

    /** Every matching record after {@code from}, up to the topic's end at the time of the call. */
    public static List<ConsumerRecord<String, String>> upToEnd(Position from, Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = reader()) {
            List<TopicPartition> partitions = seek(consumer, from);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + HANG_GUARD.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + from.topic() + " up to " + end + " in " + HANG_GUARD);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && match.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /** A consumer of no group: it reads the partitions it is given, from where it is told. */
    private static KafkaConsumer<String, String> reader() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Assigns every partition of the position's topic to {@code consumer}, each at its offset (0 if not given). */
    private static List<TopicPartition> seek(KafkaConsumer<String, String> consumer, Position from) {
        List<TopicPartition> partitions = partitions(consumer, from.topic());
        consumer.assign(partitions);
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, from.offsets().getOrDefault(tp.partition(), 0L));
        }
        return partitions;
    }

    /** The partitions of {@code topic}; asking for them creates the topic (auto-creation is on) if it is new. */
    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("topic " + topic + " has no partitions after " + HANG_GUARD);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the partitions of " + topic, e);
            }
        }
    }
}
