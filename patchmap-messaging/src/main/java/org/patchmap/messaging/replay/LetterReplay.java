package org.patchmap.messaging.replay;

/**
 * The answer for one dead letter asked to be replayed.
 *
 * @param dlqPartition the letter's partition on the dead-letter topic (null when asked without one and not found)
 * @param dlqOffset    the letter's offset there, as asked
 * @param outcome      replayed or refused
 * @param key          the failed record's key, sent again with it (replayed only)
 * @param topic        the original topic the record went back to (replayed) or would have (refused, when known)
 * @param partition    where the replayed record landed (replayed only)
 * @param offset       its new offset there (replayed only): consumers see it as a new record
 * @param reason       why it was refused (refused only)
 */
public record LetterReplay(Integer dlqPartition, long dlqOffset, ReplayOutcome outcome, String key, String topic,
                           Integer partition, Long offset, String reason) {

    static LetterReplay replayed(StoredDeadLetter stored, int partition, long offset) {
        return new LetterReplay(stored.dlqPartition(), stored.dlqOffset(), ReplayOutcome.REPLAYED,
                stored.letter().key(), stored.letter().topic(), partition, offset, null);
    }

    static LetterReplay refused(StoredDeadLetter stored, String reason) {
        return new LetterReplay(stored.dlqPartition(), stored.dlqOffset(), ReplayOutcome.REFUSED,
                stored.letter().key(), stored.letter().topic(), null, null, reason);
    }

    static LetterReplay refused(Integer dlqPartition, long dlqOffset, String reason) {
        return new LetterReplay(dlqPartition, dlqOffset, ReplayOutcome.REFUSED, null, null, null, null, reason);
    }
}
