package org.patchmap.messaging.replay;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.InvalidEventException;
import org.patchmap.events.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lists the dead letters of a topic and sends chosen ones back: each letter's failed record goes to its
 * original topic under its original key, with the header {@value #REPLAYED_FROM} naming the letter
 * ({@code patchmap.sweeps.dlq[2]@3}). A replayed record is a new record (a new offset), so its consumers
 * count its attempts afresh.
 *
 * <p>A letter is refused, and nothing is sent for it, when it holds only a prefix of its record (the
 * whole record is still on the original topic, at the partition and offset the letter names), when its
 * record does not match the letter's size and SHA-256, or when it has no record. The others are sent.
 *
 * <p>Plain Kafka clients: {@code kafka} is the client configuration the services use (bootstrap servers,
 * security); the letters are read without a consumer group, so listing or replaying commits nothing.
 */
public final class DeadLetterReplay {
    /** The header every replayed record carries: the letter it came from, {@code <dlq topic>[partition]@offset}. */
    public static final String REPLAYED_FROM = "patchmap-replayed-from";

    private final Map<String, Object> kafka;
    private final Duration timeout;

    /**
     * @param kafka   Kafka client settings (at least {@code bootstrap.servers}); a {@code group.id} is ignored
     * @param timeout the longest wait for the broker in one step (a read, a send)
     */
    public DeadLetterReplay(Map<String, Object> kafka, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.kafka = Map.copyOf(settings);
        this.timeout = timeout;
    }

    /** The dead-letter topic of {@code topic}: itself when it is one already ({@code .dlq}). */
    public static String dlqTopic(String topic) {
        return topic.endsWith(".dlq") ? topic : topic + ".dlq";
    }

    /**
     * The latest {@code limit} letters of {@code dlqTopic} (at most {@code limit} from each partition, then
     * the latest overall by failure time), oldest first. A record there that is not a dead letter is skipped.
     */
    public List<StoredDeadLetter> list(String dlqTopic, int limit) {
        List<StoredDeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, dlqTopic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - limit));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + dlqTopic + " up to " + end + " in " + timeout);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        read(r).ifPresent(letters::add);
                    }
                }
            }
        }
        letters.sort(Comparator.comparing((StoredDeadLetter s) -> s.letter().failedAt())
                .thenComparingInt(StoredDeadLetter::dlqPartition).thenComparingLong(StoredDeadLetter::dlqOffset));
        return List.copyOf(letters.subList(Math.max(0, letters.size() - limit), letters.size()));
    }

    /**
     * Replays the letters at {@code offsets} of {@code dlqTopic}'s {@code partition} (null: any partition).
     */
    public List<LetterReplay> replay(String dlqTopic, Integer partition, List<Long> offsets) {
        return replay(dlqTopic, offsets.stream().map(o -> new LetterAddress(partition, o)).toList());
    }

    /**
     * Replays the letters at {@code addresses} of {@code dlqTopic}: one answer per address, in the order
     * asked. An address without a partition is looked for in every partition and refused when more than
     * one holds its offset (the listing names each letter's partition).
     */
    public List<LetterReplay> replay(String dlqTopic, List<LetterAddress> addresses) {
        List<LetterReplay> answers = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer();
             KafkaProducer<String, String> producer = producer()) {
            List<TopicPartition> partitions = partitions(consumer, dlqTopic);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            for (LetterAddress address : addresses) {
                Integer partition = address.partition();
                long offset = address.offset();
                List<TopicPartition> holding = partitions.stream()
                        .filter(tp -> partition == null || tp.partition() == partition)
                        .filter(tp -> offset >= begin.get(tp) && offset < end.get(tp)).toList();
                if (holding.isEmpty()) {
                    answers.add(LetterReplay.refused(partition, offset, "no dead letter at offset " + offset + " of "
                            + dlqTopic + (partition == null ? "" : " partition " + partition)));
                } else if (holding.size() > 1) {
                    answers.add(LetterReplay.refused(null, offset, "offset " + offset + " is on partitions "
                            + holding.stream().map(tp -> String.valueOf(tp.partition())).toList()
                            + " of " + dlqTopic + ": name the partition"));
                } else {
                    answers.add(replayOne(consumer, producer, holding.get(0), offset));
                }
            }
        }
        return answers;
    }

    private LetterReplay replayOne(KafkaConsumer<String, String> consumer, KafkaProducer<String, String> producer,
                                   TopicPartition tp, long offset) {
        ConsumerRecord<String, String> record = fetch(consumer, tp, offset);
        if (record == null) {
            return LetterReplay.refused(tp.partition(), offset, "no dead letter at offset " + offset + " of "
                    + tp.topic() + " partition " + tp.partition());
        }
        Optional<StoredDeadLetter> read = read(record);
        if (read.isEmpty()) {
            return LetterReplay.refused(tp.partition(), offset, "not a dead letter: " + invalidReason(record));
        }
        StoredDeadLetter stored = read.get();
        Optional<String> refusal = refusal(stored);
        if (refusal.isPresent()) {
            return LetterReplay.refused(stored, refusal.get());
        }
        DeadLetterEvent letter = stored.letter();
        ProducerRecord<String, String> back = new ProducerRecord<>(letter.topic(), letter.key(), letter.failedRecord());
        back.headers().add(REPLAYED_FROM, stored.place().getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent = await(producer.send(back), "send " + stored.place() + " back to " + letter.topic());
        return LetterReplay.replayed(stored, sent.partition(), sent.offset());
    }

    /** Why a letter cannot be replayed from itself, if it cannot. */
    static Optional<String> refusal(StoredDeadLetter stored) {
        DeadLetterEvent letter = stored.letter();
        if (stored.truncated()) {
            return Optional.of("failed record truncated: " + letter.failedRecordBytes() + " bytes, sha256 "
                    + letter.failedRecordSha256() + "; replay it from " + letter.topic() + " partition "
                    + letter.partition() + " offset " + letter.offset());
        }
        if (letter.failedRecord() == null) {
            return Optional.of("the failed record had no value: nothing to replay");
        }
        byte[] bytes = letter.failedRecord().getBytes(StandardCharsets.UTF_8);
        if (letter.failedRecordBytes() != null && letter.failedRecordBytes() != bytes.length) {
            return Optional.of("failed record is " + bytes.length + " bytes, the letter says "
                    + letter.failedRecordBytes() + ": not sent");
        }
        if (letter.failedRecordSha256() != null && !letter.failedRecordSha256().equals(Sha256.hex(bytes))) {
            return Optional.of("failed record does not match its sha256 " + letter.failedRecordSha256() + ": not sent");
        }
        return Optional.empty();
    }

    /** The record at {@code offset}, or null when the partition does not hold it any more. */
    private ConsumerRecord<String, String> fetch(KafkaConsumer<String, String> consumer, TopicPartition tp, long offset) {
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                return r.offset() == offset ? r : null;
            }
        }
        throw new IllegalStateException("could not read " + tp + " at offset " + offset + " in " + timeout);
    }

    private static Optional<StoredDeadLetter> read(ConsumerRecord<String, String> r) {
        try {
            return Optional.of(new StoredDeadLetter(r.topic(), r.partition(), r.offset(),
                    EventJson.read(r.topic(), r.value(), DeadLetterEvent.class)));
        } catch (InvalidEventException e) {
            return Optional.empty();
        }
    }

    private static String invalidReason(ConsumerRecord<String, String> r) {
        try {
            EventJson.read(r.topic(), r.value(), DeadLetterEvent.class);
            return "unreadable";
        } catch (InvalidEventException e) {
            return e.getMessage();
        }
    }

    /** The partitions of {@code topic}: none when it does not exist (no dead letter yet). */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(timeout);
        List<PartitionInfo> infos = topics.getOrDefault(topic, List.of());
        return infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "patchmap-dead-letter-replay-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "patchmap-dead-letter-replay-" + UUID.randomUUID());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot " + what + " in " + timeout, e);
        }
    }
}
