package org.patchmap.embedding.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.MetadataEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The map's inputs: collection {@code cell_features} (one document per cell id) and
 * {@code file_metadata} (one per file key: metadata describes the animal and the recording,
 * shared by every cell of a file). Each document is its event, replaced whole, so replays
 * leave the same state; a cell is the join of the two. {@code reference_marks} holds the uploaded cells an
 * operator admitted to the reference map (kept apart so that a replayed features event keeps the mark).
 */
@ApplicationScoped
public class CellStore {
    static final String FEATURES = "cell_features";
    static final String METADATA = "file_metadata";
    static final String MARKS = "reference_marks";
    /** Cells read at once by id, and documents per reply of a long read (a server caps a reply's size). */
    public static final int BATCH = 1000;
    private static final Document ID_ONLY = new Document("_id", 1);

    @Inject
    MongoDatabase database;

    public void saveFeatures(FeaturesEvent features) {
        replace(FEATURES, features.cellId(), StoredEvents.document(features));
    }

    public void saveMetadata(MetadataEvent metadata) {
        replace(METADATA, CellIds.fileKey(metadata.cellId()), StoredEvents.document(metadata));
    }

    /** A cell's features joined with its file's metadata; empty when neither is known. */
    public Optional<JoinedCell> cell(String cellId) {
        Optional<FeaturesEvent> features = features(cellId);
        Optional<MetadataEvent> metadata = Optional.ofNullable(
                        database.getCollection(METADATA).find(Filters.eq("_id", CellIds.fileKey(cellId))).first())
                .map(d -> StoredEvents.event(d, MetadataEvent.class));
        if (features.isEmpty() && metadata.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JoinedCell(cellId, features.orElse(null), metadata.orElse(null)));
    }

    /** The stored features event of a cell. */
    public Optional<FeaturesEvent> features(String cellId) {
        return Optional.ofNullable(collection(FEATURES).find(Filters.eq("_id", cellId)).first())
                .map(d -> StoredEvents.event(d, FeaturesEvent.class));
    }

    /** Whether a cell belongs on the reference map: DANDI cells, and uploads an operator marked. */
    public boolean isReference(FeaturesEvent features) {
        return AssetEvent.SOURCE_DANDI.equals(features.provenance().source())
                || collection(MARKS).find(Filters.eq("_id", features.cellId())).first() != null;
    }

    /** Admits a cell to the reference map; false when no features are known for it. */
    public boolean markReference(String cellId) {
        if (features(cellId).isEmpty()) {
            return false;
        }
        replace(MARKS, cellId, new Document("markedAt", Date.from(Instant.now())));
        return true;
    }

    /**
     * Every reference cell's features, by cell id (a stable input order for the map), one at a time: the caller
     * keeps what it needs, not 100,000 events.
     */
    public void forEachReference(Consumer<FeaturesEvent> each) {
        collection(FEATURES).find(referenceFilter()).sort(Sorts.ascending("_id")).batchSize(BATCH)
                .forEach(d -> each.accept(StoredEvents.event(d, FeaturesEvent.class)));
    }

    /** The ids of every reference cell (the features themselves are not read). */
    public Set<String> referenceIds() {
        Set<String> out = new HashSet<>();
        collection(FEATURES).find(referenceFilter()).projection(ID_ONLY).batchSize(BATCH).forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    private Bson referenceFilter() {
        List<String> marked = new ArrayList<>();
        collection(MARKS).find().projection(ID_ONLY).forEach(d -> marked.add(d.getString("_id")));
        return Filters.or(Filters.eq("provenance.source", AssetEvent.SOURCE_DANDI), Filters.in("_id", marked));
    }

    /**
     * The features of every cell not in {@code skip}, by cell id: the ids are read alone, then the features of
     * those not skipped, {@value #BATCH} at a time by id.
     */
    public void forEachFeaturesNotIn(Set<String> skip, Consumer<FeaturesEvent> each) {
        List<String> wanted = new ArrayList<>();
        collection(FEATURES).find().projection(ID_ONLY).sort(Sorts.ascending("_id")).batchSize(BATCH).forEach(d -> {
            String id = d.getString("_id");
            if (!skip.contains(id)) {
                wanted.add(id);
            }
        });
        for (int from = 0; from < wanted.size(); from += BATCH) {
            List<String> ids = wanted.subList(from, Math.min(wanted.size(), from + BATCH));
            features(ids).forEach(each);
        }
    }

    /**
     * The raw ipfx values of some cells (at most {@value #BATCH}: callers page through a map), only the named
     * features ({@code null}: all of them), read by id with only those fields. A cell without features is absent.
     */
    public Map<String, Map<String, Double>> rawFeatures(List<String> cellIds, Collection<String> names) {
        if (cellIds.size() > BATCH) {
            throw new IllegalArgumentException(cellIds.size() + " cells asked for at once, at most " + BATCH);
        }
        Document projection = new Document();
        if (names == null) {
            projection.append("features", 1);
        } else {
            names.forEach(n -> projection.append("features." + n + ".value", 1));
        }
        Map<String, Map<String, Double>> out = new HashMap<>();
        collection(FEATURES).find(Filters.in("_id", cellIds)).projection(projection).forEach(d -> {
            Map<String, Double> raw = new HashMap<>();
            Document features = d.get("features", Document.class);
            if (features != null) {
                features.forEach((name, v) -> raw.put(name, v instanceof Document f && f.get("value") instanceof Number n
                        ? n.doubleValue() : null));
            }
            out.put(d.getString("_id"), raw);
        });
        return out;
    }

    /**
     * Every file's labels by file key: species, brain region, simulated type, age, recording temperature and lab (the
     * join of a whole map is one read, not one per cell, and only these fields are read).
     */
    public Map<String, FileLabels> labelsByFile() {
        return labels(new Document());
    }

    /** The labels of some files (at most {@value #BATCH}), by file key. */
    public Map<String, FileLabels> labelsOf(Collection<String> fileKeys) {
        return labels(Filters.in("_id", fileKeys));
    }

    private Map<String, FileLabels> labels(Bson filter) {
        Map<String, FileLabels> out = new HashMap<>();
        Document projection = new Document("species.label", 1).append("brainRegion.label", 1)
                .append("simulated.type", 1).append("ageDays.value", 1).append("temperatureC.value", 1)
                .append("lab.label", 1);
        collection(METADATA).find(filter).batchSize(BATCH).projection(projection).forEach(d -> out.put(
                d.getString("_id"), new FileLabels(field(d, "species", "label"), field(d, "brainRegion", "label"),
                        field(d, "simulated", "type"), quantity(d, "ageDays"), quantity(d, "temperatureC"),
                        field(d, "lab", "label"))));
        return out;
    }

    /** A {@code SourcedQuantity}'s value, null when the metadata states none. */
    private static Double quantity(Document d, String name) {
        Document q = d.get(name, Document.class);
        return q != null && q.get("value") instanceof Number n ? n.doubleValue() : null;
    }

    /** The stored features events of some cells (at most {@value #BATCH}), by cell id; unknown ids are absent. */
    public List<FeaturesEvent> features(Collection<String> cellIds) {
        List<FeaturesEvent> out = new ArrayList<>();
        collection(FEATURES).find(Filters.in("_id", cellIds)).sort(Sorts.ascending("_id"))
                .forEach(d -> out.add(StoredEvents.event(d, FeaturesEvent.class)));
        return out;
    }

    private static String field(Document d, String outer, String inner) {
        Document o = d.get(outer, Document.class);
        return o == null ? null : o.getString(inner);
    }

    /**
     * Deletes an expired upload's documents: its cells' features and reference marks, its file's metadata (ids
     * matching {@code idPattern}, a regular expression); returns how many.
     */
    public long deleteMatching(String idPattern) {
        long n = 0;
        for (String c : List.of(FEATURES, MARKS, METADATA)) {
            n += collection(c).deleteMany(Filters.regex("_id", idPattern)).getDeletedCount();
        }
        return n;
    }

    private void replace(String collection, String id, Document doc) {
        doc.append("_id", id);
        collection(collection).replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }
}
