package org.patchmap.deploy.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real Apache Kafka broker (combined broker and controller, KRaft mode) in this JVM. Used by
 * the tests and, in a JVM of its own, by the local stack. The log directory keeps the data:
 * starting again on the same directory finds the topics and offsets it left.
 */
public final class KafkaBroker implements AutoCloseable {
    // Held so the level settings are not garbage-collected with their loggers.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String saslBootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, String saslBootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
    }

    /**
     * Formats {@code logDir} if it is new, starts the broker and waits until it answers.
     *
     * @param port           client port (0 for a free one)
     * @param controllerPort KRaft controller port (0 for a free one)
     */
    public static KafkaBroker start(Path logDir, int port, int controllerPort) {
        return start(logDir, port, controllerPort, null);
    }

    /**
     * As {@link #start(Path, int, int)}, with a second client listener, SASL_PLAINTEXT on a free port, where
     * clients authenticate with SCRAM-SHA-512 as {@code user} (created with the log directory; null: no such
     * listener). The PLAINTEXT listener stays, for the broker itself and for clients without credentials.
     */
    public static KafkaBroker start(Path logDir, int port, int controllerPort, ScramUser user) {
        int brokerPort = port == 0 ? FreePorts.find() : port;
        int raftPort = controllerPort == 0 ? FreePorts.find() : controllerPort;
        int saslPort = user == null ? 0 : FreePorts.find();
        Properties props = config(logDir, brokerPort, raftPort, saslPort);
        format(logDir, props, user);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        server.startup();
        String bootstrap = "localhost:" + brokerPort;
        awaitReady(bootstrap, Duration.ofSeconds(60));
        return new KafkaBroker(server, bootstrap, user == null ? null : "localhost:" + saslPort);
    }

    /** Kafka logs every step at INFO; a test run or a laptop needs only its warnings. */
    public static synchronized void quietLogs() {
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The SASL_PLAINTEXT (SCRAM-SHA-512) listener's address; the broker must have been started with a user. */
    public String saslBootstrapServers() {
        if (saslBootstrapServers == null) {
            throw new IllegalStateException("this broker was started without a SCRAM user: no SASL listener");
        }
        return saslBootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** The broker's settings; {@code saslPort} 0: no SASL listener. */
    private static Properties config(Path logDir, int port, int controllerPort, int saslPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        String sasl = saslPort == 0 ? "" : ",SASL_PLAINTEXT://localhost:" + saslPort;
        p.put("listeners", "PLAINTEXT://localhost:" + port + sasl + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port + sasl);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        if (saslPort != 0) {
            p.put("sasl.enabled.mechanisms", ScramUser.MECHANISM);
            // The broker's side of SCRAM needs a login module but no credentials of its own.
            p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // six partitions per topic: up to six consumers of a group (workers across replicas) share a topic
        p.put("num.partitions", "6");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner's default 128 MB buffer is wasted on a laptop or a test JVM.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("message.max.bytes", String.valueOf(1024 * 1024));
        return p;
    }

    /** StorageTool.execute, not main: main calls System.exit. A formatted directory is kept (restart). */
    private static void format(Path logDir, Properties props, ScramUser user) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path configFile = logDir.resolveSibling(logDir.getFileName() + ".properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "PatchMap in-process Kafka broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of("format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", configFile.toString()));
            if (user != null) {
                args.addAll(List.of("--add-scram",
                        ScramUser.MECHANISM + "=[name=" + user.name() + ",password=" + user.password() + "]"));
            }
            int status = StorageTool.execute(args.toArray(String[]::new),
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("Kafka storage format of " + logDir + " failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka log directory " + logDir, e);
        }
    }

    private static void awaitReady(String bootstrap, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    admin.listTopics().names().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker on " + bootstrap + " not ready after " + timeout, e);
                    }
                    sleep(100);
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
