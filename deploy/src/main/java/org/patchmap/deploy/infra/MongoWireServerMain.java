package org.patchmap.deploy.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's MongoDB-wire server, persisted in H2, in a JVM of its own:
 * {@code MongoWireServerMain <dataDir> <port>}. Closes the H2 store on SIGINT/SIGTERM (a hard
 * kill loses about the last second of writes).
 */
public final class MongoWireServerMain {
    private MongoWireServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoWireServer server = MongoWireServer.persistent(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("MongoDB-wire server ready on " + server.connectionString());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "mongo-wire-server-stop"));
        stopped.await();
    }
}
