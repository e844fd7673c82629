package org.patchmap.ingest.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Collection {@code dandisets}: one document per dandiset seen in DANDI's listing
 * ({@code _id} = its six digits). It keeps the icephys decision taken on one version (so an
 * unchanged version is not fetched again), the versions whose assets were all handled (so an
 * unchanged version is not listed again), the progress of the last version worked on and the
 * last failure.
 */
@ApplicationScoped
public class DandisetStore {
    static final String COLLECTION = "dandisets";

    private final MongoCollection<Document> dandisets;

    @Inject
    DandisetStore(MongoDatabase database) {
        this.dandisets = database.getCollection(COLLECTION);
    }

    /** The selection decided on {@code version} (last modified {@code versionModified}); version null: none to poll. */
    public record Decision(String version, Instant versionModified, boolean selected, String reason) {
        public boolean isFor(String otherVersion, Instant otherModified) {
            return Objects.equals(version, otherVersion) && Objects.equals(millis(versionModified), millis(otherModified));
        }
    }

    /** A version whose NWB assets were all published, reused or skipped. */
    public record Processed(String version, long assetCount, Instant versionModified, Instant at) {
    }

    /** What a dandiset's document says, for the status endpoint. */
    @Schema(name = "DandisetState",
            description = "A dandiset seen in DANDI's listing: its icephys decision, progress and last error")
    public record State(String id, Instant modified, Instant lastSeen, String version, boolean selected, String reason,
                        String progressVersion, long assetsDone, long assetsTotal, List<String> versionsProcessed,
                        String lastErrorReason, String lastError, Instant lastErrorAt) {
    }

    public Optional<Decision> decision(String id) {
        Document d = dandisets.find(Filters.eq("_id", id)).first();
        if (d == null || !d.containsKey("selected")) {
            return Optional.empty();
        }
        return Optional.of(new Decision(d.getString("version"), instant(d.getDate("versionModified")),
                d.getBoolean("selected", false), d.getString("reason")));
    }

    /** Stores the decision (and when the dandiset was seen and last modified). */
    public void decide(String id, Instant modified, Decision decision, Instant now) {
        update(id, Updates.combine(Updates.set("modified", date(modified)), Updates.set("lastSeen", date(now)),
                Updates.set("version", decision.version()), Updates.set("versionModified", date(decision.versionModified())),
                Updates.set("selected", decision.selected()), Updates.set("reason", decision.reason()),
                Updates.set("decidedAt", date(now))));
    }

    /** Records that the dandiset was in this run's listing. */
    public void seen(String id, Instant modified, Instant now) {
        update(id, Updates.combine(Updates.set("modified", date(modified)), Updates.set("lastSeen", date(now))));
    }

    /** Whether {@code version} with this asset count and modification time was fully handled. */
    public boolean processed(String id, String version, long assetCount, Instant versionModified) {
        return processedVersions(id).stream().anyMatch(p -> p.version().equals(version)
                && p.assetCount() == assetCount && Objects.equals(millis(p.versionModified()), millis(versionModified)));
    }

    public void markProcessed(String id, String version, long assetCount, Instant versionModified, Instant now) {
        List<Document> kept = new ArrayList<>();
        for (Processed p : processedVersions(id)) {
            if (!p.version().equals(version)) {
                kept.add(processedDoc(p));
            }
        }
        kept.add(processedDoc(new Processed(version, assetCount, versionModified, now)));
        update(id, Updates.combine(Updates.set("versionsProcessed", kept), Updates.set("lastError", null)));
    }

    public void progress(String id, String version, long done, long total) {
        update(id, Updates.set("progress", new Document("version", version).append("done", done).append("total", total)));
    }

    public void failed(String id, String reason, String message, Instant now) {
        update(id, Updates.set("lastError", new Document("reason", reason).append("message", message)
                .append("at", date(now))));
    }

    /** Every dandiset, selected ones first, by id. */
    public List<State> all() {
        List<State> out = new ArrayList<>();
        for (Document d : dandisets.find().sort(Sorts.ascending("_id"))) {
            Document progress = d.get("progress", Document.class);
            Document error = d.get("lastError", Document.class);
            List<String> versions = new ArrayList<>();
            processed(d).forEach(p -> versions.add(p.version()));
            out.add(new State(d.getString("_id"), instant(d.getDate("modified")), instant(d.getDate("lastSeen")),
                    d.getString("version"), d.getBoolean("selected", false), d.getString("reason"),
                    progress == null ? null : progress.getString("version"),
                    progress == null ? 0 : number(progress.get("done")), progress == null ? 0 : number(progress.get("total")),
                    versions, error == null ? null : error.getString("reason"),
                    error == null ? null : error.getString("message"), error == null ? null : instant(error.getDate("at"))));
        }
        out.sort((a, b) -> a.selected() == b.selected() ? a.id().compareTo(b.id()) : a.selected() ? -1 : 1);
        return out;
    }

    private List<Processed> processedVersions(String id) {
        Document d = dandisets.find(Filters.eq("_id", id)).first();
        return d == null ? List.of() : processed(d);
    }

    private static List<Processed> processed(Document d) {
        List<Processed> out = new ArrayList<>();
        List<Document> list = d.getList("versionsProcessed", Document.class);
        if (list != null) {
            for (Document p : list) {
                out.add(new Processed(p.getString("version"), number(p.get("assetCount")),
                        instant(p.getDate("versionModified")), instant(p.getDate("at"))));
            }
        }
        return out;
    }

    private static Document processedDoc(Processed p) {
        return new Document("version", p.version()).append("assetCount", p.assetCount())
                .append("versionModified", date(p.versionModified())).append("at", date(p.at()));
    }

    private void update(String id, Bson update) {
        dandisets.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
    }

    /** MongoDB keeps milliseconds; DANDI gives microseconds. */
    static Instant millis(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
    }

    static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
