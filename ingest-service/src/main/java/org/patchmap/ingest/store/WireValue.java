package org.patchmap.ingest.store;

/** An enum constant stored in MongoDB (and shown by the API) as a fixed string. */
interface WireValue {
    String wire();

    /** The constant of {@code type} stored as {@code wire}; null for null. */
    static <E extends Enum<E> & WireValue> E of(Class<E> type, String wire) {
        if (wire == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(wire)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + wire + "'");
    }
}
