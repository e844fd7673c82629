package org.patchmap.feature.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.feature.domain.RecordedFamily;

import java.util.Optional;

/**
 * Collection {@code sweep_families}: one document per cell id, the family event as received plus
 * {@code samplesPerSweep} and {@code durationS}. Written by replacing the whole document, built only from
 * the event and the traces, so that the same event processed twice leaves the same document.
 */
@ApplicationScoped
public class SweepFamilyStore {
    static final String COLLECTION = "sweep_families";
    private static final String SAMPLES_PER_SWEEP = "samplesPerSweep";
    private static final String DURATION_S = "durationS";

    @Inject
    MongoDatabase database;

    public void save(RecordedFamily recorded) {
        String cellId = recorded.family().cellId();
        Document doc = Document.parse(EventJson.write(recorded.family()))
                .append("_id", cellId)
                .append(SAMPLES_PER_SWEEP, recorded.samplesPerSweep())
                .append(DURATION_S, recorded.durationS());
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", cellId), doc,
                new ReplaceOptions().upsert(true));
    }

    /** Deletes the documents whose cell id matches {@code cellIdPattern} (a regular expression); returns how many. */
    public long deleteCells(String cellIdPattern) {
        return database.getCollection(COLLECTION).deleteMany(Filters.regex("_id", cellIdPattern)).getDeletedCount();
    }

    public Optional<RecordedFamily> find(String cellId) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(Filters.eq("_id", cellId)).first())
                .map(SweepFamilyStore::recorded);
    }

    private static RecordedFamily recorded(Document doc) {
        // the event's own fields are what EventJson reads; the rest is this collection's
        SweepFamilyEvent family = EventJson.read(COLLECTION, doc.toJson(), SweepFamilyEvent.class);
        return new RecordedFamily(family, doc.getList(SAMPLES_PER_SWEEP, Integer.class),
                doc.get(DURATION_S, Number.class).doubleValue());
    }
}
