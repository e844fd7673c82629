package org.patchmap.deploy.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's Kafka broker, in a JVM of its own: {@code KafkaBrokerMain <logDir> <port> <controllerPort>}.
 * Stops cleanly on SIGINT/SIGTERM, so that the next start finds its topics and offsets.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker.quietLogs();
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-stop"));
        stopped.await();
    }
}
