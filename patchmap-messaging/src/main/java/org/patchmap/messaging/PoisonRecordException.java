package org.patchmap.messaging;

/**
 * A record that was begun {@code crashes} times and never finished: each time it killed its consumer
 * (an OutOfMemoryError, a crash, the container killed), so it is dead-lettered instead of processed.
 */
public class PoisonRecordException extends RuntimeException {
    private final long crashes;

    public PoisonRecordException(long crashes) {
        super("crashed the consumer " + crashes + " times");
        this.crashes = crashes;
    }

    public long crashes() {
        return crashes;
    }
}
