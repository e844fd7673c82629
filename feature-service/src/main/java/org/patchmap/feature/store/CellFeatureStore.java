package org.patchmap.feature.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.SweepFeatures;
import org.patchmap.events.EventJson;
import org.patchmap.events.FeaturesEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collection {@code features}: one document per cell id, the features event as published
 * plus the sweep table (spikes per sweep), replaced whole so that a replay changes nothing.
 */
@ApplicationScoped
public class CellFeatureStore {
    static final String COLLECTION = "features";

    @Inject
    MongoDatabase database;

    public void save(FeaturesEvent event, CellFeatures features) {
        List<Document> sweeps = new ArrayList<>();
        for (SweepFeatures s : features.sweeps()) {
            Document d = new Document("sweep", String.valueOf(s.label()))
                    .append("amplitudePa", s.amplitudePa())
                    .append("nSpikes", s.spikeCount());
            if (s.spikeCount() > 0) {
                d.append("firstThresholdT", s.spikes().spikes().get(0).thresholdT())
                        .append("firstPeakV", s.spikes().spikes().get(0).peakV());
            }
            sweeps.add(d);
        }
        Document doc = Document.parse(EventJson.write(event))
                .append("_id", event.cellId())
                .append("sweeps", sweeps);
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", event.cellId()), doc,
                new ReplaceOptions().upsert(true));
    }

    public Optional<Document> find(String cellId) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(Filters.eq("_id", cellId)).first());
    }
}
