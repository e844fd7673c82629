package org.patchmap.core.dandi;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Tolerant readers for DANDI JSON: a missing or null field is null or an empty list, never an error. */
final class Json {
    private Json() {
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static long longValue(JsonNode node, String field, long fallback) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.canConvertToLong() ? fallback : v.asLong();
    }

    /** DANDI timestamps carry an offset ({@code 2022-05-20T00:23:37.225624+00:00}) or a {@code Z}. */
    static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The strings of a list field whose elements are strings or objects: for an object, the first
     * present of {@code keys} ({@code name} for species and techniques, {@code value} for an
     * asset's PropertyValue variableMeasured). A lone string or object counts as a one-element list.
     */
    static List<String> strings(JsonNode node, String field, String... keys) {
        List<String> out = new ArrayList<>();
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> add(out, e, keys));
        } else {
            add(out, v, keys);
        }
        return out;
    }

    private static void add(List<String> out, JsonNode e, String... keys) {
        if (e.isValueNode()) {
            if (!e.isNull() && !e.asText().isBlank()) {
                out.add(e.asText());
            }
            return;
        }
        for (String k : keys) {
            String s = text(e, k);
            if (s != null && !s.isBlank()) {
                out.add(s);
                return;
            }
        }
    }
}
