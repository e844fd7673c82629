package org.patchmap.events;

import java.time.Instant;

/**
 * {@code <topic>.dlq}: a record a service could not process, with why. Keyed like the failed
 * record. Nothing else is lost: the service goes on with the next record.
 *
 * @param schemaVersion  {@value #SCHEMA_VERSION}
 * @param service        the service that failed, e.g. "feature-service"
 * @param topic          the topic the record came from
 * @param partition      its partition
 * @param offset         its offset
 * @param key            its key (may be null)
 * @param exceptionClass the failure's class, e.g. "org.patchmap.events.InvalidEventException"
 * @param reason         a sentence a person can act on, naming the file or field and the cause
 * @param failedRecord   the record's value as received (text)
 * @param failedAt       when it failed
 */
public record DeadLetterEvent(int schemaVersion, String service, String topic, int partition, long offset,
                              String key, String exceptionClass, String reason, String failedRecord,
                              Instant failedAt) {
    public static final int SCHEMA_VERSION = 1;
    private static final String EVENT = "dead letter";

    public DeadLetterEvent {
        Require.schema(EVENT, schemaVersion, SCHEMA_VERSION);
        Require.text(EVENT, "service", service);
        Require.text(EVENT, "topic", topic);
        Require.text(EVENT, "exceptionClass", exceptionClass);
        Require.text(EVENT, "reason", reason);
        Require.present(EVENT, "failedAt", failedAt);
    }

    /** The dead letter of a record whose processing threw {@code failure}. */
    public static DeadLetterEvent of(String service, String topic, int partition, long offset, String key,
                                     String failedRecord, Throwable failure, Instant now) {
        String reason = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() + " without a message"
                : failure.getMessage();
        return new DeadLetterEvent(SCHEMA_VERSION, service, topic, partition, offset, key,
                failure.getClass().getName(), reason, failedRecord, now);
    }
}
