package org.patchmap.events;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code <topic>.dlq}: a record a service could not process, with why. Keyed like the failed
 * record. Nothing else is lost: the service goes on with the next record.
 *
 * <p>A dead letter always fits the event limit ({@link EventJson#MAX_EVENT_BYTES}): a failed
 * record too large to embed whole is cut to the longest prefix that fits, and its size and
 * SHA-256 identify the whole record (its key and offset find it on its topic).
 *
 * @param schemaVersion         {@value #SCHEMA_VERSION}
 * @param service               the service that failed, e.g. "feature-service"
 * @param topic                 the topic the record came from
 * @param partition             its partition
 * @param offset                its offset
 * @param key                   its key (may be null)
 * @param exceptionClass        the failure's class, e.g. "org.patchmap.events.InvalidEventException"
 * @param reason                a sentence a person can act on, naming the file or field and the cause
 * @param failedRecord          the record's value as received (text), or its prefix when truncated
 * @param failedAt              when it failed
 * @param failedRecordBytes     the whole record's size in bytes (UTF-8); optional
 * @param failedRecordSha256    lower-case hex SHA-256 of the whole record's bytes (UTF-8); optional
 * @param failedRecordTruncated true when {@code failedRecord} is only a prefix of the record; optional
 */
public record DeadLetterEvent(int schemaVersion, String service, String topic, int partition, long offset,
                              String key, String exceptionClass, String reason, String failedRecord,
                              Instant failedAt, Long failedRecordBytes, String failedRecordSha256,
                              Boolean failedRecordTruncated) {
    public static final int SCHEMA_VERSION = 1;
    /** Longest reason kept: an exception message can quote a whole record. */
    static final int MAX_REASON_CHARS = 4096;
    private static final String EVENT = "dead letter";

    public DeadLetterEvent {
        Require.schema(EVENT, schemaVersion, SCHEMA_VERSION);
        Require.text(EVENT, "service", service);
        Require.text(EVENT, "topic", topic);
        Require.text(EVENT, "exceptionClass", exceptionClass);
        Require.text(EVENT, "reason", reason);
        Require.present(EVENT, "failedAt", failedAt);
    }

    /** The dead letter of a record whose processing threw {@code failure}, cut to fit the event limit. */
    public static DeadLetterEvent of(String service, String topic, int partition, long offset, String key,
                                     String failedRecord, Throwable failure, Instant now) {
        String reason = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() + " without a message"
                : failure.getMessage();
        if (reason.length() > MAX_REASON_CHARS) {
            reason = reason.substring(0, prefixEnd(reason, MAX_REASON_CHARS)) + "…";
        }
        Long bytes = null;
        String sha256 = null;
        if (failedRecord != null) {
            byte[] utf8 = failedRecord.getBytes(StandardCharsets.UTF_8);
            bytes = (long) utf8.length;
            sha256 = Sha256.hex(utf8);
        }
        DeadLetterEvent whole = new DeadLetterEvent(SCHEMA_VERSION, service, topic, partition, offset, key,
                failure.getClass().getName(), reason, failedRecord, now, bytes, sha256, false);
        return whole.fitted(EventJson.MAX_EVENT_BYTES);
    }

    /**
     * This letter, or, when its JSON is over {@code maxBytes}, the same letter with the longest prefix
     * of {@code failedRecord} that fits. The size is measured with the serialiser itself, so escapes
     * (a quote becomes two bytes, a control character six) are counted as written.
     */
    DeadLetterEvent fitted(int maxBytes) {
        if (failedRecord == null || jsonBytes(this) <= maxBytes) {
            return this;
        }
        int fits = 0;
        int tooLong = failedRecord.length();
        while (tooLong - fits > 1) {
            int mid = fits + (tooLong - fits) / 2;
            if (jsonBytes(truncatedTo(prefixEnd(failedRecord, mid))) <= maxBytes) {
                fits = mid;
            } else {
                tooLong = mid;
            }
        }
        DeadLetterEvent cut = truncatedTo(prefixEnd(failedRecord, fits));
        if (jsonBytes(cut) > maxBytes) {
            throw new IllegalStateException("a dead letter of " + topic + "[" + partition + "]@" + offset
                    + " does not fit " + maxBytes + " bytes even without its record");
        }
        return cut;
    }

    /** The letter with only the first {@code chars} chars of the record. */
    private DeadLetterEvent truncatedTo(int chars) {
        return new DeadLetterEvent(schemaVersion, service, topic, partition, offset, key, exceptionClass, reason,
                failedRecord.substring(0, chars), failedAt, failedRecordBytes, failedRecordSha256, true);
    }

    /** {@code end}, moved back one char when it would split a surrogate pair. */
    private static int prefixEnd(String s, int end) {
        return end > 0 && end < s.length() && Character.isHighSurrogate(s.charAt(end - 1)) ? end - 1 : end;
    }

    private static int jsonBytes(DeadLetterEvent letter) {
        try {
            return EventJson.mapper().writeValueAsBytes(letter).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a dead letter", e);
        }
    }
}
