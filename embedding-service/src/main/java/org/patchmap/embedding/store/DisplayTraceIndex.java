package org.patchmap.embedding.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent;

import java.util.Optional;

/**
 * Where each cell's display traces are: {@code cell_traces} keeps, per cell, the {@code patchmap.sweeps}
 * claim-check of its display traces and its sweeps' amplitudes (the display file itself has no stimulus
 * amplitude). The bytes stay in ingest's GridFS bucket.
 */
@ApplicationScoped
public class DisplayTraceIndex {
    static final String CELL_TRACES = "cell_traces";

    @Inject
    MongoDatabase database;

    /** Keeps what a family event says about its display traces ({@code display} null when it has none). */
    public void saveFamily(SweepFamilyEvent family) {
        Document doc = StoredEvents.document(family);
        Document kept = new Document("_id", family.cellId()).append("inputDigest", family.inputDigest())
                .append("samplingRateHz", family.samplingRateHz()).append("window", doc.get("window"))
                .append("sweeps", doc.get("sweeps")).append("display", doc.get("display"));
        collection().replaceOne(Filters.eq("_id", family.cellId()), kept, new ReplaceOptions().upsert(true));
    }

    /** A cell's display claim-check and sweep amplitudes, if its sweeps event was seen. */
    public Optional<CellTraces> traces(String cellId) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", cellId)).first()).map(d -> {
            Document display = d.get("display", Document.class);
            return new CellTraces(cellId, d.getString("inputDigest"), d.getDouble("samplingRateHz"),
                    EventJson.mapper().convertValue(d.get("window"), SweepFamilyEvent.Window.class),
                    d.getList("sweeps", Document.class).stream()
                            .map(s -> EventJson.mapper().convertValue(s, SweepFamilyEvent.SweepSummary.class)).toList(),
                    display == null ? null : EventJson.mapper().convertValue(display, SweepFamilyEvent.TraceRef.class));
        });
    }

    /** Deletes what is kept of the cells whose id matches {@code cellIdPattern}; returns how many. */
    public long deleteCells(String cellIdPattern) {
        return collection().deleteMany(Filters.regex("_id", cellIdPattern)).getDeletedCount();
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(CELL_TRACES);
    }
}
