package org.patchmap.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;

/**
 * Reads and writes events as JSON. Reading validates (through the records' constructors) and
 * turns every failure into an {@link InvalidEventException} whose message names the topic and
 * the cause; writing refuses a message that would not stay well below Kafka's 1 MB limit.
 */
public final class EventJson {
    /** Largest event we publish. Kafka's default limit is 1 MB; traces go to GridFS instead. */
    public static final int MAX_EVENT_BYTES = 512 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Newer producers may add fields; older consumers keep working.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {
    }

    /** The mapper, for code that stores events' parts (e.g. as MongoDB documents). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses and validates an event received on {@code topic}. */
    public static <T> T read(String topic, String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException(topic + ": empty record");
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new InvalidEventException(topic + ": not a JSON object");
            }
            checkSchemaVersion(topic, tree.get("schemaVersion"), type);
            return MAPPER.treeToValue(tree, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidEventException invalid) {
                throw new InvalidEventException(prefixed(topic, invalid.getMessage()), invalid);
            }
            throw new InvalidEventException(topic + ": " + e.getOriginalMessage(), e);
        } catch (MismatchedInputException e) {
            if (!e.getPath().isEmpty() && e.getOriginalMessage().startsWith("Cannot map `null` into type")) {
                throw new InvalidEventException(topic + ": field '" + path(e) + "' is missing", e);
            }
            throw new InvalidEventException(topic + ": " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(topic + ": not a valid " + type.getSimpleName() + " ("
                    + e.getOriginalMessage() + at(e.getLocation()) + ")", e);
        }
    }

    /** Serialises an event, refusing one larger than {@link #MAX_EVENT_BYTES}. */
    public static String write(Object event) {
        String json;
        try {
            json = MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EVENT_BYTES) {
            throw new InvalidEventException(event.getClass().getSimpleName() + " is " + bytes
                    + " bytes, over the " + MAX_EVENT_BYTES + "-byte event limit: large data goes to GridFS");
        }
        return json;
    }

    /** The version is checked first, so that a newer event is refused for that reason and not another. */
    private static void checkSchemaVersion(String topic, JsonNode version, Class<?> type) {
        if (version == null || version.isNull()) {
            throw new InvalidEventException(topic + ": field 'schemaVersion' is missing");
        }
        int supported;
        try {
            supported = type.getField("SCHEMA_VERSION").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " is not an event: it has no SCHEMA_VERSION", e);
        }
        if (!version.canConvertToInt() || version.intValue() != supported) {
            throw new InvalidEventException(topic + ": unsupported schemaVersion " + version
                    + " (this code reads version " + supported + ")");
        }
    }

    private static String path(MismatchedInputException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String prefixed(String topic, String message) {
        return message.startsWith(topic) ? message : topic + ": " + message;
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
