package org.patchmap.ingest.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.HashSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.patchmap.ingest.store.DandisetStore.date;
import static org.patchmap.ingest.store.DandisetStore.instant;
import static org.patchmap.ingest.store.DandisetStore.number;
import static org.patchmap.ingest.store.DandiAssetStatus.PUBLISHED;
import static org.patchmap.ingest.store.DandiAssetStatus.PUBLISHING;
import static org.patchmap.ingest.store.DandiAssetStatus.REUSED;

/**
 * Collection {@code dandi_assets}: one document per NWB asset of a polled dandiset version,
 * {@code _id = dandiset/version/asset_id}, with its path, size, file key, digest and what the
 * poller did with it ({@link DandiAssetStatus}; for {@code reused}, {@code reusedFrom} names the
 * entry that published the content; for {@code skipped} and {@code failed}, the reason).
 */
@ApplicationScoped
public class DandiAssetStore {
    static final String COLLECTION = "dandi_assets";

    private final MongoCollection<Document> assets;

    @Inject
    DandiAssetStore(MongoDatabase database) {
        this.assets = database.getCollection(COLLECTION);
    }

    /**
     * One asset of one version.
     *
     * @param reusedFrom for {@code reused}: the {@code _id} of the published entry (or the ledger id {@code fileKey@digest})
     */
    public record Entry(String id, String dandiset, String version, String assetId, String path, long size,
                        String fileKey, String digest, DandiAssetStatus status, String reason, String reusedFrom,
                        Instant firstSeen, Instant updated) {
        /** Whether a later run has nothing left to do with this asset. */
        public boolean settled() {
            return status != null && status.settled();
        }

        public Entry with(DandiAssetStatus newStatus, String newReason, String newDigest, String newReusedFrom, Instant now) {
            return new Entry(id, dandiset, version, assetId, path, size, fileKey, newDigest, newStatus, newReason,
                    newReusedFrom, firstSeen == null ? now : firstSeen, now);
        }
    }

    public static String id(String dandiset, String version, String assetId) {
        return dandiset + "/" + version + "/" + assetId;
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(assets.find(Filters.eq("_id", id)).first()).map(DandiAssetStore::entry);
    }

    /**
     * The same DANDI asset (asset id and size) in another version of the dandiset, published or
     * reused there: DANDI assets are immutable, so its digest is known without asking again.
     */
    public Optional<Entry> sameAsset(String dandiset, String assetId, long size, String exceptId) {
        return first(Filters.and(Filters.eq("dandiset", dandiset), Filters.eq("assetId", assetId),
                Filters.eq("size", size), Filters.in("status", wire(PUBLISHED, REUSED)), Filters.ne("_id", exceptId)));
    }

    /** An entry that published (or is publishing) this digest, other than {@code exceptId}. */
    public Optional<Entry> publishedWithDigest(String digest, String exceptId) {
        return first(Filters.and(Filters.eq("digest", digest), Filters.in("status", wire(PUBLISHED, PUBLISHING)),
                Filters.ne("_id", exceptId)));
    }

    /** The ledger ids ({@code fileKey@digest}) of every published asset. */
    public Set<String> publishedLedgerIds() {
        Set<String> ids = new HashSet<>();
        for (Document d : assets.find(Filters.eq("status", PUBLISHED.wire()))
                .projection(Projections.include("fileKey", "digest"))) {
            ids.add(AssetLedger.id(d.getString("fileKey"), d.getString("digest")));
        }
        return ids;
    }

    public long count(String dandiset, String version, Collection<DandiAssetStatus> statuses) {
        return assets.countDocuments(Filters.and(Filters.eq("dandiset", dandiset), Filters.eq("version", version),
                Filters.in("status", wire(statuses.toArray(DandiAssetStatus[]::new)))));
    }

    public void save(Entry e) {
        Document d = new Document("_id", e.id()).append("dandiset", e.dandiset()).append("version", e.version())
                .append("assetId", e.assetId()).append("path", e.path()).append("size", e.size())
                .append("fileKey", e.fileKey()).append("digest", e.digest()).append("status", e.status().wire())
                .append("reason", e.reason()).append("reusedFrom", e.reusedFrom())
                .append("firstSeen", date(e.firstSeen())).append("updated", date(e.updated()));
        assets.replaceOne(Filters.eq("_id", e.id()), d, new ReplaceOptions().upsert(true));
    }

    private Optional<Entry> first(Bson filter) {
        return Optional.ofNullable(assets.find(filter).first()).map(DandiAssetStore::entry);
    }

    private static Entry entry(Document d) {
        return new Entry(d.getString("_id"), d.getString("dandiset"), d.getString("version"), d.getString("assetId"),
                d.getString("path"), number(d.get("size")), d.getString("fileKey"), d.getString("digest"),
                DandiAssetStatus.of(d.getString("status")), d.getString("reason"), d.getString("reusedFrom"),
                instant(d.getDate("firstSeen")), instant(d.getDate("updated")));
    }

    private static List<String> wire(DandiAssetStatus... statuses) {
        return Arrays.stream(statuses).map(DandiAssetStatus::wire).toList();
    }
}
