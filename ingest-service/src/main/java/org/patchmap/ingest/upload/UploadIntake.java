package org.patchmap.ingest.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.Provenance;
import org.patchmap.ingest.config.IngestConfig;
import org.patchmap.events.Sha256;
import org.patchmap.ingest.extract.DiskBudget;
import org.patchmap.ingest.extract.DiskBudgetExceededException;
import org.patchmap.ingest.messaging.AssetPublisher;
import org.patchmap.ingest.store.AssetStatus;
import org.patchmap.ingest.store.UploadStatus;
import org.patchmap.ingest.store.UploadStore;
import org.patchmap.ingest.store.UploadStore.Upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts one uploaded file: refuses it when larger than {@code patchmap.ingest.upload-max-size}
 * (413) or when its first bytes are neither NWB (HDF5) nor ABF (415, whatever its name), or when
 * the disk budget is full (507); otherwise moves it to {@code uploads-dir/<id>/<name>}, records it
 * ({@code received}) and publishes it on {@code patchmap.assets} (503 if the broker does not
 * acknowledge). Its cells' ids are {@code upload:<first 16 hex of SHA-256>/<name>}.
 */
@ApplicationScoped
public class UploadIntake {
    private static final Logger LOG = Logger.getLogger(UploadIntake.class);
    private static final int MAX_NAME = 120;
    /** How a refusal for the disk budget (507) begins. */
    public static final String NO_ROOM = "no room for the upload now: ";

    @Inject
    IngestConfig config;

    @Inject
    DiskBudget budget;

    @Inject
    UploadStore store;

    @Inject
    AssetPublisher publisher;

    @Inject
    UploadMetrics metrics;

    /** The largest accepted file, in bytes. */
    public long maxBytes() {
        return config.uploadMaxSize().asLongValue();
    }

    /** What a refusal for size says, for this check and the request-size filter. */
    public String tooLarge(String what, long bytes) {
        long max = maxBytes();
        return what + ": " + bytes + " bytes, over the upload limit of " + human(max) + " (" + max
                + " bytes, INGEST_UPLOAD_MAX_SIZE)";
    }

    /**
     * @param received   the file as the HTTP layer stored it (moved away on success)
     * @param clientName the file name the client gave
     */
    public Upload accept(Path received, String clientName) throws UploadRejectedException, IOException {
        String name = safeName(clientName);
        long size = Files.size(received);
        if (size > maxBytes()) {
            throw rejected(413, UploadOutcome.TOO_LARGE, tooLarge(name, size));
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(received)) {
            n = in.readNBytes(head, 0, head.length);
        }
        try {
            RecordingReader.format(name, head, n);
        } catch (UnreadableFileException e) {
            throw rejected(415, UploadOutcome.UNSUPPORTED, e.getMessage());
        }
        String sha = Sha256.hex(received);
        String id = UUID.randomUUID().toString();
        Path target = config.uploadsDir().resolve(id).resolve(name).toAbsolutePath().normalize();
        // the spooled body already counts in the budget: moving it adds nothing, so it is not counted twice
        try (DiskBudget.Reservation ignored = budget.reserveMove(received, target)) {
            Files.createDirectories(target.getParent());
            move(received, target);
        } catch (DiskBudgetExceededException e) {
            throw rejected(507, UploadOutcome.NO_SPACE, NO_ROOM + e.getMessage());
        }
        Instant now = Instant.now();
        String digest = "sha2-256:" + sha;
        String fileKey = CellIds.uploadFile(sha, name);
        Upload upload = new Upload(id, name, size, digest, fileKey, target.toString(), UploadStatus.RECEIVED, null,
                null, null, now, now, null);
        try {
            store.insert(upload);
        } catch (RuntimeException e) {
            Files.deleteIfExists(target); // not recorded: nobody would ever extract or delete it
            throw e;
        }
        try {
            publisher.publish(new AssetEvent(AssetEvent.SCHEMA_VERSION, AssetEvent.SOURCE_UPLOAD, fileKey,
                    Provenance.upload(name), size, digest, null, target.toString(), Map.of(), now));
        } catch (RuntimeException e) {
            String why = "could not publish the upload on patchmap.assets: " + e.getMessage();
            store.update(id, UploadStatus.FAILED, AssetStatus.FAILED, why, null);
            Files.deleteIfExists(target);
            throw rejected(503, UploadOutcome.UNAVAILABLE, why);
        }
        metrics.upload(UploadOutcome.ACCEPTED);
        LOG.infof("upload %s: %s (%d bytes, %s) received", id, name, size, digest);
        return upload;
    }

    private UploadRejectedException rejected(int status, UploadOutcome outcome, String message) {
        metrics.upload(outcome);
        LOG.infof("upload refused (%d): %s", status, message);
        return new UploadRejectedException(status, outcome, message);
    }

    /**
     * The client's file name without any directory part, with characters other than letters,
     * digits, '.', '_' and '-' replaced by '_' (it becomes part of a cell id and a path).
     */
    static String safeName(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        return name.isEmpty() ? "upload" : name;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }
}
