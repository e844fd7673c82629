package org.patchmap.ingest.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collection {@code assets}: one entry per file key and digest ({@code _id = fileKey@digest}),
 * so a new dandiset version that keeps a file's digest finds the file already known, and the
 * same event processed twice leaves the same entry. Status {@code pending} until extraction
 * records its outcome: {@code extracted} (with {@code cellId}, {@code sweeps}, {@code traces},
 * {@code display}), {@code no_family}, {@code unreadable}, {@code too_large} or {@code failed},
 * each but the first with its {@code reason}; {@code extractedAt} says when.
 */
@ApplicationScoped
public class AssetLedger {
    static final String COLLECTION = "assets";
    public static final String PENDING = "pending";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /**
     * An asset as the ledger knows it.
     *
     * @param status {@code pending}, or the extraction's outcome
     * @param reason why there is no cell (outcomes other than {@code extracted})
     * @param cellId the cell extracted from it
     */
    public record Entry(String id, String fileKey, String digest, String status, String reason, String cellId) {
    }

    /**
     * Enters the asset as {@code pending} unless it is known: an entry is only inserted, never
     * overwritten, so the ledger's consumer and the extraction (two consumer groups) can record
     * the same asset in any order.
     */
    public Entry record(AssetEvent asset) {
        String id = id(asset.fileKey(), asset.digest());
        Optional<Entry> known = find(asset.fileKey(), asset.digest());
        if (known.isPresent()) {
            return known.get();
        }
        Document doc = Document.parse(EventJson.write(asset)).append("status", PENDING);
        collection().updateOne(Filters.eq("_id", id), new Document("$setOnInsert", doc),
                new UpdateOptions().upsert(true));
        return find(asset.fileKey(), asset.digest()).orElseThrow();
    }

    /** Records what extraction made of the asset (the entry exists: {@link #record} came first). */
    public void recordOutcome(String fileKey, String digest, Document outcome) {
        collection().updateOne(Filters.eq("_id", id(fileKey, digest)), new Document("$set", outcome));
    }

    /** The whole entry, for operators. */
    public Optional<Document> document(String fileKey, String digest) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id(fileKey, digest))).first());
    }

    public Optional<Entry> find(String fileKey, String digest) {
        Document doc = collection().find(Filters.eq("_id", id(fileKey, digest))).first();
        return Optional.ofNullable(doc).map(AssetLedger::entry);
    }

    public long count(String fileKey) {
        return collection().countDocuments(Filters.eq("fileKey", fileKey));
    }

    /** Any entry with this digest (whatever its file key): the content is known. */
    public Optional<Entry> findByDigest(String digest) {
        Document doc = collection().find(Filters.eq("digest", digest)).first();
        return Optional.ofNullable(doc).map(AssetLedger::entry);
    }

    /** How many of these entries ({@code fileKey@digest}) are past {@code pending} (extraction recorded an outcome). */
    public long countDone(java.util.Collection<String> ids) {
        long done = 0;
        List<String> batch = new ArrayList<>();
        for (String id : ids) {
            batch.add(id);
            if (batch.size() == 500) {
                done += countDoneIn(batch);
                batch.clear();
            }
        }
        return batch.isEmpty() ? done : done + countDoneIn(batch);
    }

    /**
     * Per dandiset, how many of its files are at each status ({@code pending}, {@code extracted},
     * {@code no_family}, ...): the extraction's progress, which the poll's "published" cannot show.
     */
    public java.util.Map<String, java.util.Map<String, Long>> statusByDandiset() {
        java.util.Map<String, java.util.Map<String, Long>> out = new java.util.TreeMap<>();
        for (Document d : collection().aggregate(List.of(
                com.mongodb.client.model.Aggregates.match(Filters.eq("provenance.source", "dandi")),
                com.mongodb.client.model.Aggregates.group(new Document("dandiset", "$provenance.dandisetId")
                        .append("status", "$status"), com.mongodb.client.model.Accumulators.sum("n", 1))))) {
            Document key = d.get("_id", Document.class);
            out.computeIfAbsent(key.getString("dandiset"), k -> new java.util.TreeMap<>())
                    .put(key.getString("status"), ((Number) d.get("n")).longValue());
        }
        return out;
    }

    private long countDoneIn(List<String> ids) {
        return collection().countDocuments(Filters.and(Filters.in("_id", ids), Filters.ne("status", PENDING)));
    }

    private static Entry entry(Document d) {
        return new Entry(d.getString("_id"), d.getString("fileKey"), d.getString("digest"), d.getString("status"),
                d.getString("reason"), d.getString("cellId"));
    }

    public static String id(String fileKey, String digest) {
        return fileKey + "@" + digest;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
