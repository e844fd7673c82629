package org.patchmap.events;

import java.util.Collection;

/** Field checks for the events' compact constructors: a message names the event and the field. */
final class Require {
    private Require() {
    }

    static void schema(String event, int actual, int supported) {
        if (actual == 0) {
            throw new InvalidEventException(event + ": field 'schemaVersion' is missing");
        }
        if (actual != supported) {
            throw new InvalidEventException(event + ": unsupported schemaVersion " + actual
                    + " (this code reads version " + supported + ")");
        }
    }

    static String text(String event, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(event + ": field '" + field + "' is missing or blank");
        }
        return value;
    }

    static <T> T present(String event, String field, T value) {
        if (value == null) {
            throw new InvalidEventException(event + ": field '" + field + "' is missing");
        }
        return value;
    }

    static <T extends Collection<?>> T nonEmpty(String event, String field, T value) {
        if (present(event, field, value).isEmpty()) {
            throw new InvalidEventException(event + ": field '" + field + "' is empty");
        }
        return value;
    }

    static double positiveFinite(String event, String field, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new InvalidEventException(event + ": field '" + field + "' must be a positive number, got " + value);
        }
        return value;
    }

    static long nonNegative(String event, String field, long value) {
        if (value < 0) {
            throw new InvalidEventException(event + ": field '" + field + "' must not be negative, got " + value);
        }
        return value;
    }

    static String oneOf(String event, String field, String value, String... allowed) {
        text(event, field, value);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new InvalidEventException(event + ": field '" + field + "' is '" + value
                + "', expected one of " + String.join(", ", allowed));
    }
}
