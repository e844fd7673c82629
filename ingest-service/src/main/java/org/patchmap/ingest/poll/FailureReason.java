package org.patchmap.ingest.poll;

import com.mongodb.MongoException;
import org.patchmap.events.InvalidEventException;
import org.patchmap.ingest.dandi.DandiException;

/** A short, bounded reason for a failure, for counting: {@code http_500}, {@code io_error}, {@code bad_metadata}... */
final class FailureReason {
    private FailureReason() {
    }

    static String of(Throwable e) {
        if (e instanceof DandiException d) {
            return d.status() < 0 ? "io_error" : d.status() == 200 ? "bad_response" : "http_" + d.status();
        }
        if (e instanceof InvalidEventException || e instanceof IllegalArgumentException) {
            return "bad_metadata";
        }
        if (e instanceof MongoException) {
            return "mongodb";
        }
        if (e instanceof java.io.IOException) {
            return "io_error";
        }
        return "error_" + e.getClass().getSimpleName();
    }
}
