package org.patchmap.embedding.store;

import org.bson.Document;
import org.patchmap.events.EventJson;

/**
 * Events kept as MongoDB documents: the event's own JSON (nulls absent) plus the store's {@code _id}, read
 * back into the event record (the {@code _id} is ignored like any field the record does not know).
 */
final class StoredEvents {
    private StoredEvents() {
    }

    static Document document(Object event) {
        return Document.parse(EventJson.write(event));
    }

    static <T> T event(Document stored, Class<T> type) {
        return EventJson.mapper().convertValue(stored, type);
    }
}
