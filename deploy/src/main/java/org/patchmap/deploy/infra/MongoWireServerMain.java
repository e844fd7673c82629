package org.patchmap.deploy.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's MongoDB-wire server, persisted in H2, in a JVM of its own:
 * {@code MongoWireServerMain <dataDir> <port> [memory]}. Closes the H2 store on SIGINT/SIGTERM (a
 * hard kill loses about the last second of writes). With {@code memory} it keeps everything in the
 * heap instead (the demo atlas): no secondary index exists in this server, so every query on
 * another field than _id scans its collection, and scanning documents in memory stays cheap where
 * reading them back from H2's pages does not.
 */
public final class MongoWireServerMain {
    private MongoWireServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean memory = args.length > 2 && args[2].equals("memory");
        MongoWireServer server = memory ? MongoWireServer.inMemory(Integer.parseInt(args[1]))
                : MongoWireServer.persistent(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("MongoDB-wire server ready on " + server.connectionString());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "mongo-wire-server-stop"));
        stopped.await();
    }
}
