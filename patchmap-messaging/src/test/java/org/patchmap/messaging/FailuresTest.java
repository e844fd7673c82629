package org.patchmap.messaging;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.patchmap.events.InvalidEventException;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {
    @Test
    void unavailableInfrastructureIsTransient() {
        assertTrue(Failures.isTransient(new MongoTimeoutException("Timed out while waiting for a server")));
        assertTrue(Failures.isTransient(new MongoSocketReadException("Prematurely reached end of stream",
                new ServerAddress("localhost", 27017))));
        assertTrue(Failures.isTransient(new IllegalStateException("wrapped",
                new MongoTimeoutException("Timed out"))));
        assertTrue(Failures.isTransient(new NotLeaderOrFollowerException("leader moved")));
    }

    @Test
    void badRecordsAreNotTransient() {
        assertFalse(Failures.isTransient(new InvalidEventException("patchmap.sweeps: field 'cellId' is missing or blank")));
        assertFalse(Failures.isTransient(new UncheckedIOException(new java.io.IOException("corrupt"))));
        assertFalse(Failures.isTransient(new MongoWriteException(new WriteError(2, "document too large",
                new BsonDocument()), new ServerAddress("localhost", 27017), java.util.Set.of())));
    }

    @Test
    void aTransientIoFailureStaysTransientWhenMadeUnchecked() {
        java.io.IOException io = new java.io.IOException("GridFS read failed",
                new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress("localhost", 27017)));
        RuntimeException unchecked = Failures.unchecked(io);
        assertTrue(unchecked instanceof UncheckedIOException);
        assertSame(io, unchecked.getCause());
        assertTrue(Failures.isTransient(unchecked));
        IllegalStateException runtime = new IllegalStateException("as it is");
        assertSame(runtime, Failures.unchecked(runtime));
    }
}
