package org.patchmap.ingest.extract;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.TestInfrastructure;
import org.patchmap.events.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The extraction's test setting: a fake DANDI (WireMock, dynamic port), work and uploads
 * directories of their own, a database of their own, a 3 MiB upload limit, and the extraction
 * consumer back on {@code patchmap.assets} in a new group whose offsets are set to the topic's
 * end before the service starts, so it sees exactly what these tests publish (and none of the
 * real DANDI assets other test classes left on the topic), whenever its partitions get assigned.
 */
public class ExtractionTestResource implements QuarkusTestResourceLifecycleManager {
    static final String DATABASE = "patchmap-extract-test";
    static WireMockServer dandi;
    static Path workDir;
    /** Where the service stores uploads in this setting. */
    public static Path uploadsDir;

    @Override
    public Map<String, String> start() {
        dandi = new WireMockServer(wireMockConfig().dynamicPort());
        dandi.start();
        try {
            Path root = Files.createTempDirectory("patchmap-extract-test");
            workDir = root.resolve("work");
            uploadsDir = root.resolve("uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String group = "ingest-extract-test-" + UUID.randomUUID();
        startAtTheEnd(group);
        Map<String, String> config = new HashMap<>();
        config.put("patchmap.dandi.api-url", dandi.baseUrl() + "/api");
        config.put("patchmap.dandi.max-attempts", "2");
        config.put("patchmap.dandi.backoff-initial", "10ms");
        config.put("patchmap.dandi.backoff-max", "20ms");
        config.put("patchmap.ingest.max-file-bytes", "15000000");
        config.put("patchmap.ingest.work-dir", workDir.toString());
        config.put("patchmap.ingest.uploads-dir", uploadsDir.toString());
        config.put("patchmap.ingest.disk-budget", "40M");
        config.put("patchmap.ingest.upload-max-size", "3M");
        config.put("quarkus.http.limits.max-body-size", "8M");
        config.put("quarkus.mongodb.database", DATABASE);
        config.put("mp.messaging.incoming.assets-extract.topic", Topics.ASSETS);
        config.put("mp.messaging.incoming.assets-extract.group.id", group);
        config.put("mp.messaging.incoming.assets.group.id", "ingest-service-" + DATABASE);
        config.put("mp.messaging.incoming.assets.auto.offset.reset", "latest");
        return config;
    }

    /** Commits the group's offsets at the end of every partition of patchmap.assets (created if new). */
    private static void startAtTheEnd(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            try {
                admin.createTopics(List.of(new NewTopic(Topics.ASSETS, Optional.empty(), Optional.empty()))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            // A topic created just now may not be served by its partitions' leader yet: the broker
            // answers with a retriable error until it is, so try again until it answers.
            Eventually.until("the offsets of " + group + " at the end of " + Topics.ASSETS, () -> {
                try {
                    commitEndOffsets(admin, group);
                    return true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RetriableException) {
                        return false;
                    }
                    throw new IllegalStateException("cannot set the offsets of " + group, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set the offsets of " + group, e.getCause());
        }
    }

    private static void commitEndOffsets(Admin admin, String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(Topics.ASSETS)).allTopicNames().get().get(Topics.ASSETS).partitions()
                .forEach(p -> latest.put(new TopicPartition(Topics.ASSETS, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }

    @Override
    public void stop() {
        if (dandi != null) {
            dandi.stop();
        }
    }
}
