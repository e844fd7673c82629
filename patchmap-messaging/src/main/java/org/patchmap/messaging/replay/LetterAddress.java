package org.patchmap.messaging.replay;

/**
 * A dead letter asked for by its place on the dead-letter topic.
 *
 * @param partition its partition, or null: then the offset is looked for in every partition
 * @param offset    its offset
 */
public record LetterAddress(Integer partition, long offset) {
}
