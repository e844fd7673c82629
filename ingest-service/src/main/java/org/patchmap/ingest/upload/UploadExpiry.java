package org.patchmap.ingest.upload;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.patchmap.events.UploadExpiredEvent;
import org.patchmap.ingest.config.IngestConfig;
import org.patchmap.ingest.extract.DiskBudget;
import org.patchmap.ingest.messaging.UploadExpiredPublisher;
import org.patchmap.ingest.store.AssetLedger;
import org.patchmap.ingest.store.TraceWriter;
import org.patchmap.ingest.store.UploadStore;
import org.patchmap.ingest.store.UploadStore.Upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Uploads expire {@code UPLOAD_RETENTION} after they were received unless an admin admitted them: the sweep
 * deletes an expired upload's file; then, unless another upload of the same file is still live (admitted, or
 * younger than the retention), the file's GridFS traces and ledger entries, and publishes
 * {@code patchmap.uploads.expired} for the other services to delete their part; last, the upload's row (so a
 * sweep cut short does it all again next time). Failed uploads expire the same way. Orphans (spooled bodies, and
 * upload folders without a row, untouched for {@link #ORPHAN_AGE}: no request lasts that long) are deleted too.
 */
@Singleton
public class UploadExpiry {
    /** Age after which a spooled body or an upload folder without a row is an orphan of a request that died. */
    static final Duration ORPHAN_AGE = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(UploadExpiry.class);

    @Inject
    IngestConfig config;

    @Inject
    UploadStore uploads;

    @Inject
    AssetLedger ledger;

    @Inject
    TraceWriter traces;

    @Inject
    UploadExpiredPublisher publisher;

    @Inject
    UploadMetrics metrics;

    /** The sweep's time (tests set a clock of their own). */
    Clock clock = Clock.systemUTC();

    /** When an upload expires: never once admitted. */
    public Instant expiresAt(Upload u) {
        return u.admittedAt() != null ? null : u.receivedAt().plus(config.uploadRetention());
    }

    /** Expires what is due now; returns the uploads expired. */
    public synchronized int sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.uploadRetention());
        List<Upload> due = uploads.expiredBefore(cutoff);
        for (Upload u : due) {
            expire(u, now, cutoff);
        }
        int orphans = deleteOrphans(now);
        if (!due.isEmpty() || orphans > 0) {
            LOG.infof("upload expiry: %d uploads expired (received before %s), %d orphan files deleted", due.size(),
                    cutoff, orphans);
        }
        return due.size();
    }

    private void expire(Upload u, Instant now, Instant cutoff) {
        deleteUploadFile(u.localPath());
        if (uploads.otherLiveUpload(u.fileKey(), u.id(), cutoff)) {
            LOG.infof("upload %s (%s) expired; its file's data stay for another upload of it", u.id(), u.fileKey());
        } else {
            UploadExpiredEvent event = new UploadExpiredEvent(UploadExpiredEvent.SCHEMA_VERSION, u.fileKey(),
                    u.digest(), u.id(), u.receivedAt(), now);
            int files = traces.deleteCells(event.cellIdPattern());
            long entries = ledger.deleteFile(u.fileKey());
            publisher.publish(event);
            LOG.infof("upload %s (%s) expired: %d trace files and %d ledger entries deleted, published on "
                    + "patchmap.uploads.expired", u.id(), u.fileKey(), files, entries);
        }
        uploads.delete(u.id());
        metrics.expired();
    }

    /** Deletes the upload's file and its folder ({@code <uploads>/<id>/<name>}), never anything else. */
    private void deleteUploadFile(String localPath) {
        if (localPath == null) {
            return;
        }
        Path dir = uploadsDir();
        Path file = Path.of(localPath).toAbsolutePath().normalize();
        if (!file.startsWith(dir) || !dir.equals(file.getParent().getParent())) {
            return; // never delete what ingest did not store
        }
        deleteTree(file.getParent());
    }

    private int deleteOrphans(Instant now) {
        Path dir = uploadsDir();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Instant before = now.minus(ORPHAN_AGE);
        int deleted = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.equals(DiskBudget.INCOMING)) {
                    deleted += deleteOlderFiles(p, before);
                } else if (Files.isDirectory(p) && untouchedSince(p, before) && uploads.find(name).isEmpty()) {
                    deleted += deleteTree(p);
                }
            }
        } catch (IOException e) {
            LOG.warnf("upload expiry: cannot list %s: %s", dir, e.getMessage());
        }
        return deleted;
    }

    private static int deleteOlderFiles(Path dir, Instant before) throws IOException {
        int deleted = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && untouchedSince(f, before) && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Whether {@code p} (and, for a folder, every file in it) was last modified before {@code before}. */
    private static boolean untouchedSince(Path p, Instant before) {
        try (Stream<Path> all = Files.walk(p)) {
            return all.allMatch(f -> modified(f).isBefore(before));
        } catch (IOException e) {
            return false;
        }
    }

    private static Instant modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // gone or unreadable: not an orphan to delete now
        }
    }

    /** Deletes a folder and its files; returns the files deleted. */
    private static int deleteTree(Path dir) {
        int deleted = 0;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                boolean file = Files.isRegularFile(p);
                if (Files.deleteIfExists(p) && file) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warnf("upload expiry: cannot delete %s: %s", dir, e.getMessage());
        }
        return deleted;
    }

    private Path uploadsDir() {
        return config.uploadsDir().toAbsolutePath().normalize();
    }
}
