package org.patchmap.messaging;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Sorts failures into the record's fault (a dead letter: replaying it would fail the same way)
 * and the infrastructure's (MongoDB or Kafka unreachable: the record is fine, retry it, and never
 * dead-letter good data because a database was restarting).
 */
public final class Failures {
    private Failures() {
    }

    /** True when {@code failure}, or one of its causes, is an unavailable MongoDB or a retriable Kafka error. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                    || t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure as an unchecked exception, to rethrow a transient one to the inbox (which retries
     * it): a runtime exception as it is, an I/O exception wrapped with its causes kept.
     */
    public static RuntimeException unchecked(Exception failure) {
        if (failure instanceof RuntimeException r) {
            return r;
        }
        if (failure instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException(failure.getMessage(), failure);
    }
}
