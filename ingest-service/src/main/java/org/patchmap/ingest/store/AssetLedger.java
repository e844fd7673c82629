package org.patchmap.ingest.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent.TraceRef;
import org.patchmap.ingest.extract.Outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collection {@code assets}: one entry per file key and digest ({@code _id = fileKey@digest}),
 * so a new dandiset version that keeps a file's digest finds the file already known, and the
 * same event processed twice leaves the same entry. The entry is the event's JSON with a
 * {@link AssetStatus}; extraction adds {@code reason}, {@code cellId}, {@code sweeps},
 * {@code traces}, {@code display} and {@code extractedAt}.
 */
@ApplicationScoped
public class AssetLedger {
    static final String COLLECTION = "assets";

    private final MongoCollection<Document> assets;

    @Inject
    AssetLedger(MongoDatabase database) {
        this.assets = database.getCollection(COLLECTION);
    }

    /**
     * An asset as the ledger knows it.
     *
     * @param status {@code pending}, or the extraction's outcome
     * @param reason why there is no cell (outcomes other than {@code extracted})
     * @param cellId the cell extracted from it
     */
    @Schema(name = "LedgerEntry", description = "What ingest knows of one file version")
    public record Entry(@Schema(description = "fileKey@digest") String id, String fileKey,
                        @Schema(description = "sha2-256:<hex> or dandi-etag:<etag>") String digest,
                        AssetStatus status,
                        @Schema(description = "Why the file has no cell (outcomes other than extracted)") String reason,
                        @Schema(description = "The cell extracted from the file") String cellId) {
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
        Document doc = Document.parse(EventJson.write(asset)).append("status", AssetStatus.PENDING.wire());
        assets.updateOne(Filters.eq("_id", id), new Document("$setOnInsert", doc), new UpdateOptions().upsert(true));
        return find(asset.fileKey(), asset.digest()).orElseThrow();
    }

    /** Records what extraction made of the asset (the entry exists: {@link #record} came first). */
    public void recordOutcome(String fileKey, String digest, Outcome outcome, Instant extractedAt) {
        Document set = new Document("status", outcome.outcome().wire()).append("reason", outcome.reason())
                .append("cellId", outcome.cellId()).append("sweeps", outcome.sweeps())
                .append("traces", ref(outcome.traces())).append("display", ref(outcome.display()))
                .append("extractedAt", Date.from(extractedAt));
        assets.updateOne(Filters.eq("_id", id(fileKey, digest)), new Document("$set", set));
    }

    public Optional<Entry> find(String fileKey, String digest) {
        return Optional.ofNullable(assets.find(Filters.eq("_id", id(fileKey, digest))).first()).map(AssetLedger::entry);
    }

    /** Deletes every entry of this file (each digest); returns how many there were. */
    public long deleteFile(String fileKey) {
        return assets.deleteMany(Filters.eq("fileKey", fileKey)).getDeletedCount();
    }

    public long count(String fileKey) {
        return assets.countDocuments(Filters.eq("fileKey", fileKey));
    }

    /** Any entry with this digest (whatever its file key): the content is known. */
    public Optional<Entry> findByDigest(String digest) {
        return Optional.ofNullable(assets.find(Filters.eq("digest", digest)).first()).map(AssetLedger::entry);
    }

    /** How many of these entries ({@code fileKey@digest}) are past {@code pending} (extraction recorded an outcome). */
    public long countDone(Collection<String> ids) {
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
    public Map<String, Map<String, Long>> statusByDandiset() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Document d : assets.aggregate(List.of(
                Aggregates.match(Filters.eq("provenance.source", AssetEvent.SOURCE_DANDI)),
                Aggregates.group(new Document("dandiset", "$provenance.dandisetId").append("status", "$status"),
                        Accumulators.sum("n", 1))))) {
            Document key = d.get("_id", Document.class);
            out.computeIfAbsent(key.getString("dandiset"), k -> new TreeMap<>())
                    .put(key.getString("status"), ((Number) d.get("n")).longValue());
        }
        return out;
    }

    private long countDoneIn(List<String> ids) {
        return assets.countDocuments(Filters.and(Filters.in("_id", ids), Filters.ne("status", AssetStatus.PENDING.wire())));
    }

    private static Entry entry(Document d) {
        return new Entry(d.getString("_id"), d.getString("fileKey"), d.getString("digest"),
                AssetStatus.of(d.getString("status")), d.getString("reason"), d.getString("cellId"));
    }

    private static Document ref(TraceRef r) {
        return r == null ? null : new Document("bucket", r.bucket()).append("fileId", r.fileId())
                .append("encoding", r.encoding()).append("sizeBytes", r.sizeBytes()).append("sha256", r.sha256());
    }

    public static String id(String fileKey, String digest) {
        return fileKey + "@" + digest;
    }
}
