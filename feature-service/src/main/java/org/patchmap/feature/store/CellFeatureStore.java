package org.patchmap.feature.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.feature.domain.PublishedFeatures;
import org.patchmap.feature.domain.SweepSpikes;

import java.util.Optional;

/**
 * Collection {@code features}: one document per cell id, the features event as published plus the sweep
 * table ({@code sweeps}: spikes per sweep), replaced whole so that a replay changes nothing.
 */
@ApplicationScoped
public class CellFeatureStore {
    static final String COLLECTION = "features";
    private static final String SWEEPS = "sweeps";

    @Inject
    MongoDatabase database;

    public void save(PublishedFeatures published) {
        String cellId = published.event().cellId();
        Document doc = Document.parse(EventJson.write(published.event()))
                .append("_id", cellId)
                .append(SWEEPS, published.sweeps().stream().map(CellFeatureStore::document).toList());
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", cellId), doc,
                new ReplaceOptions().upsert(true));
    }

    /** Deletes the documents whose cell id matches {@code cellIdPattern} (a regular expression); returns how many. */
    public long deleteCells(String cellIdPattern) {
        return database.getCollection(COLLECTION).deleteMany(Filters.regex("_id", cellIdPattern)).getDeletedCount();
    }

    public Optional<PublishedFeatures> find(String cellId) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(Filters.eq("_id", cellId)).first())
                .map(CellFeatureStore::published);
    }

    private static Document document(SweepSpikes s) {
        Document d = new Document("sweep", s.sweep())
                .append("amplitudePa", s.amplitudePa())
                .append("nSpikes", s.spikeCount());
        if (s.spikeCount() > 0) {
            d.append("firstThresholdT", s.firstThresholdT()).append("firstPeakV", s.firstPeakV());
        }
        return d;
    }

    private static PublishedFeatures published(Document doc) {
        // the event's own fields are what EventJson reads; the sweep table is this collection's
        FeaturesEvent event = EventJson.read(COLLECTION, doc.toJson(), FeaturesEvent.class);
        return new PublishedFeatures(event, doc.getList(SWEEPS, Document.class).stream()
                .map(CellFeatureStore::sweep).toList());
    }

    private static SweepSpikes sweep(Document d) {
        return new SweepSpikes(d.getString("sweep"), d.get("amplitudePa", Number.class).doubleValue(),
                d.getInteger("nSpikes"), number(d, "firstThresholdT"), number(d, "firstPeakV"));
    }

    private static Double number(Document d, String key) {
        Number n = d.get(key, Number.class);
        return n == null ? null : n.doubleValue();
    }
}
