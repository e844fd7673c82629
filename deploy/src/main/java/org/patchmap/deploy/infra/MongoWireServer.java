package org.patchmap.deploy.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) on a TCP port: in memory for tests, or
 * in an H2 file for the local stack. It has no transactions, no {@code $text}, and only
 * {@code _id} and unique indexes, so PatchMap's code uses idempotent upserts and no transactions
 * (which also work on a real MongoDB). Close it cleanly: a hard kill loses about the last second
 * of writes of the H2 backend.
 */
public final class MongoWireServer implements AutoCloseable {
    private final MongoServer server;
    private final MongoBackend backend;
    private final String connectionString;

    private MongoWireServer(MongoServer server, MongoBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.connectionString = "mongodb://localhost:" + address.getPort();
    }

    /** MB of H2 page cache of a persistent server ({@code MONGO_CACHE_MB}, default 128). */
    static final int CACHE_MB = Integer.parseInt(System.getenv().getOrDefault("MONGO_CACHE_MB", "128"));

    /** An in-memory server on a free port. */
    public static MongoWireServer inMemory() {
        return inMemory(0);
    }

    /** An in-memory server on {@code port} (0 for a free one): gone when the process ends. */
    public static MongoWireServer inMemory(int port) {
        return start(new MemoryBackend(), port);
    }

    /** A server persisted in {@code <dataDir>/patchmap.mv.db}, on {@code port} (0 for a free one). */
    public static MongoWireServer persistent(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create MongoDB data directory " + dataDir, e);
        }
        // A page cache that holds the small collections' pages between the traces' chunks: queries
        // on fields other than _id scan their collection (this server has no secondary indexes), and
        // a scan of cached pages does not read them again. H2's default is 16 MB.
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("patchmap.mv.db").toString())
                .cacheSize(CACHE_MB).open();
        return start(new H2Backend(store), port);
    }

    private static MongoWireServer start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return new MongoWireServer(server, backend, server.getLocalAddress());
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
