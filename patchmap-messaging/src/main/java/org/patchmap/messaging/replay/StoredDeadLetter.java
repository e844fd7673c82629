package org.patchmap.messaging.replay;

import org.patchmap.events.DeadLetterEvent;

/**
 * A dead letter where it is stored: its place on the dead-letter topic and the letter itself.
 *
 * @param dlqTopic     the dead-letter topic, e.g. "patchmap.sweeps.dlq"
 * @param dlqPartition its partition there (dead letters are keyed like the failed record, so they spread)
 * @param dlqOffset    its offset in that partition
 * @param letter       the letter: the failed record's topic, partition, offset, key, reason, service, time
 */
public record StoredDeadLetter(String dlqTopic, int dlqPartition, long dlqOffset, DeadLetterEvent letter) {

    /** Whether the letter holds only a prefix of the failed record (and so cannot be replayed from it). */
    public boolean truncated() {
        return Boolean.TRUE.equals(letter.failedRecordTruncated());
    }

    /** Where the letter is, as the services' logs write a record's place: {@code topic[partition]@offset}. */
    public String place() {
        return dlqTopic + "[" + dlqPartition + "]@" + dlqOffset;
    }
}
