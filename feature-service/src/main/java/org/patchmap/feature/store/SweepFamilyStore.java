package org.patchmap.feature.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent;

import java.util.List;
import java.util.Optional;

/**
 * Collection {@code sweep_families}: one document per cell id, the last family received with
 * what its traces hold. Written by replacing the whole document, built only from the event and
 * the traces, so that the same event processed twice leaves the same document.
 */
@ApplicationScoped
public class SweepFamilyStore {
    static final String COLLECTION = "sweep_families";

    @Inject
    MongoDatabase database;

    public void save(SweepFamilyEvent family, List<Sweep> sweeps) {
        Document doc = Document.parse(EventJson.write(family))
                .append("_id", family.cellId())
                .append("samplesPerSweep", sweeps.stream().map(s -> s.voltageMv().length).toList())
                .append("durationS", sweeps.stream().mapToDouble(Sweep::durationS).max().orElse(0));
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", family.cellId()), doc,
                new ReplaceOptions().upsert(true));
    }

    public Optional<Document> find(String cellId) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(Filters.eq("_id", cellId)).first());
    }
}
