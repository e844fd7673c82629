package org.patchmap.deploy.testing;

import org.patchmap.deploy.infra.KafkaBroker;
import org.patchmap.deploy.infra.MongoWireServer;
import org.patchmap.deploy.infra.ScramUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The real Kafka broker and MongoDB-wire server of a test run: started once per JVM, on free
 * ports, on first use, and stopped when the JVM exits. Every test class of a module shares them;
 * tests keep apart by using their own cell ids.
 */
public final class TestInfrastructure {
    /** The one user of the broker's SASL_PLAINTEXT listener (SCRAM-SHA-512), for the tests of Kafka security. */
    public static final ScramUser KAFKA_USER = new ScramUser("patchmap-test", "patchmap-test-secret");
    private static TestInfrastructure instance;

    private final KafkaBroker kafka;
    private final MongoWireServer mongo;

    private TestInfrastructure(KafkaBroker kafka, MongoWireServer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            KafkaBroker.quietLogs();
            Path dir;
            try {
                dir = Files.createTempDirectory("patchmap-test-kafka");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long t0 = System.nanoTime();
            KafkaBroker kafka = KafkaBroker.start(dir.resolve("logs"), 0, 0, KAFKA_USER);
            MongoWireServer mongo = MongoWireServer.inMemory();
            Logger.getLogger(TestInfrastructure.class.getName()).info(String.format(
                    "test Kafka broker on %s and MongoDB-wire server on %s ready in %.1f s",
                    kafka.bootstrapServers(), mongo.connectionString(), (System.nanoTime() - t0) / 1e9));
            instance = new TestInfrastructure(kafka, mongo);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "patchmap-test-infrastructure-stop"));
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The broker's SASL_PLAINTEXT listener, where clients sign in as {@link #KAFKA_USER}. */
    public String kafkaSaslBootstrapServers() {
        return kafka.saslBootstrapServers();
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    private void stop() {
        mongo.close();
        kafka.close();
    }
}
