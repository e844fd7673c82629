package org.patchmap.ingest.dandi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * What one request of a download achieved.
 *
 * @param uri           the URL last asked (the API's, or the storage URL it redirected to)
 * @param storage       where the next attempt resumes; null: ask the API again
 * @param have          bytes in the part file afterwards
 * @param expectedTotal the object's size as the answer stated it, -1 if it did not
 * @param done          the body ended as the server meant it to (it may still be short of the size)
 * @param status        the last HTTP status, -1 if no answer came
 * @param headers       the last answer's headers (for {@code Retry-After}), null if none came
 * @param failure       what went wrong, null if nothing did
 * @param cause         the I/O error behind {@code failure}, if any
 * @param fatal         a failure no further attempt can mend, thrown as it is
 */
record DownloadAttempt(URI uri, URI storage, long have, long expectedTotal, boolean done, int status,
                       HttpHeaders headers, String failure, IOException cause, DandiException fatal) {

    /** No answer: the request failed with {@code e}; status and headers are the last hop's. */
    static DownloadAttempt noAnswer(URI uri, URI storage, long have, int status, HttpHeaders headers, IOException e) {
        return new DownloadAttempt(uri, storage, have, -1, false, status, headers, e.toString(), e, null);
    }

    /** An answer worth another attempt ({@code failure} says why), resuming at {@code storage}. */
    static DownloadAttempt retry(URI uri, URI storage, long have, int status, HttpHeaders headers, String failure) {
        return new DownloadAttempt(uri, storage, have, -1, false, status, headers, failure, null, null);
    }

    static DownloadAttempt fatal(URI uri, URI storage, long have, int status, HttpHeaders headers, DandiException e) {
        return new DownloadAttempt(uri, storage, have, -1, false, status, headers, null, null, e);
    }

    /** The {@code reason} label of the retry that follows this attempt. */
    String retryReason() {
        return status >= 400 ? RetryPolicy.reason(status) : cause != null ? "io" : "short_body";
    }

    /** What went wrong, for the log and the final error. */
    String what(long expected) {
        return failure != null ? failure : "body ended at byte " + have + " of " + expected;
    }
}
