package org.patchmap.ingest.extract;

import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.analysis.SweepFamilyEvents;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.ReadBudget;
import org.patchmap.core.recording.ReadLimits;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.core.sweep.DisplayCodec;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.core.sweep.TraceCodec;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.Sha256;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.SweepFamilyEvent.TraceRef;
import org.patchmap.ingest.config.IngestConfig;
import org.patchmap.ingest.dandi.DandiClient;
import org.patchmap.ingest.dandi.DandiException;
import org.patchmap.ingest.dandi.DigestMismatchException;
import org.patchmap.ingest.messaging.SweepPublisher;
import org.patchmap.ingest.store.AssetLedger;
import org.patchmap.ingest.store.AssetStatus;
import org.patchmap.ingest.store.TraceKind;
import org.patchmap.ingest.store.TraceWriter;
import org.patchmap.ingest.store.UploadStatus;
import org.patchmap.ingest.store.UploadStore;
import org.patchmap.messaging.Failures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One asset to its family: the file is fetched (a DANDI asset downloaded into the work
 * directory within the disk budget, size and SHA-256 checked; an upload taken from the uploads
 * directory), read, its long-square family found, its traces (compact) and display traces stored
 * in GridFS, the family published on {@code patchmap.sweeps}, the download deleted, and the
 * outcome recorded in the asset ledger (and the upload's status). A file without a family, an
 * unreadable file and a file over {@code patchmap.ingest.max-file-bytes} are outcomes; anything
 * else is {@code failed}: recorded, then thrown as {@link ExtractionFailedException} for the dead
 * letters. An unavailable MongoDB or Kafka is thrown as it is, for the inbox to retry.
 */
@ApplicationScoped
public class AssetExtractor {
    private static final Logger LOG = Logger.getLogger(AssetExtractor.class);
    private static final String SHA256 = "sha2-256:";

    @Inject
    IngestConfig config;

    @Inject
    DandiClient dandi;

    @Inject
    DiskBudget budget;

    @Inject
    TraceWriter traces;

    @Inject
    SweepPublisher publisher;

    @Inject
    AssetLedger ledger;

    @Inject
    UploadStore uploads;

    @Inject
    ExtractionMetrics metrics;

    /** The results of a file itself: once one is recorded, extracting the same bytes again gives it again. */
    private static final java.util.Set<AssetStatus> FILE_RESULTS = java.util.EnumSet.of(AssetStatus.EXTRACTED,
            AssetStatus.NO_FAMILY, AssetStatus.UNREADABLE, AssetStatus.TOO_LARGE);

    /** The reason of an asset whose extraction crashed the process too often. */
    static final String CRASHED = "the extraction stopped the process too many times (out of memory or killed while "
            + "reading the file); not tried again (its record is in patchmap.assets.dlq)";

    public Outcome extract(AssetEvent asset) {
        AssetLedger.Entry known = ledger.record(asset);
        boolean upload = AssetEvent.SOURCE_UPLOAD.equals(asset.source());
        if (upload && FILE_RESULTS.contains(known.status())) {
            // An upload's file is deleted once its result is recorded; the same record delivered again (the
            // process ended before its offset was committed) must not turn that result into "file gone".
            LOG.infof("asset %s (upload): already %s; its record was delivered again", asset.fileKey(),
                    known.status().wire());
            return new Outcome(known.status(), known.reason(), known.cellId(), 0, null, null);
        }
        if (upload) {
            uploads.updateFile(asset.fileKey(), asset.digest(), UploadStatus.EXTRACTING, null, null, null);
        }
        Timer.Sample sample = metrics.start();
        Outcome outcome;
        ExtractionFailedException failure = null;
        try {
            outcome = upload ? fromUpload(asset) : fromDandi(asset);
        } catch (IOException | RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw Failures.unchecked(e);
            }
            metrics.failure(failureKind(e));
            failure = new ExtractionFailedException(fileName(asset) + ": " + message(e), e);
            outcome = Outcome.of(AssetStatus.FAILED, failure.getMessage());
        }
        record(asset, outcome);
        metrics.finished(sample, asset, outcome);
        LOG.infof("asset %s (%s, %d bytes): %s%s", asset.fileKey(), asset.source(), asset.sizeBytes(),
                outcome.outcome().wire(), outcome.reason() == null ? " " + outcome.cellId() : ": " + outcome.reason());
        if (failure != null) {
            throw failure;
        }
        if (upload && asset.localPath() != null) {
            // the traces are stored or the file is of no use: the upload has done its job
            deleteUpload(Path.of(asset.localPath()));
        }
        return outcome;
    }

    /**
     * The asset's record ended the extraction process too often (out of memory, killed while reading the file):
     * it is not tried again, and its ledger row (and upload) say so rather than staying pending.
     */
    public void crashed(AssetEvent asset) {
        ledger.record(asset);
        Outcome outcome = Outcome.of(AssetStatus.FAILED, fileName(asset) + ": " + CRASHED);
        record(asset, outcome);
        LOG.warnf("asset %s (%s, %d bytes): failed: %s", asset.fileKey(), asset.source(), asset.sizeBytes(), CRASHED);
        if (AssetEvent.SOURCE_UPLOAD.equals(asset.source()) && asset.localPath() != null) {
            deleteUpload(Path.of(asset.localPath()));
        }
    }

    private Outcome fromDandi(AssetEvent asset) throws IOException {
        Outcome tooLarge = tooLarge(asset);
        if (tooLarge != null) {
            return tooLarge;
        }
        String assetId = asset.provenance().assetId();
        Path file = AssetPaths.file(config.workDir(), assetId, fileName(asset));
        Path dir = file.getParent();
        String sha = asset.digest().startsWith(SHA256) ? asset.digest().substring(SHA256.length()) : null;
        try (DiskBudget.Reservation ignored = budget.reserve(file, asset.sizeBytes())) {
            try {
                dandi.download(assetId, file, asset.sizeBytes(), sha);
                return fromFile(file, asset);
            } finally {
                // a .part left by a failed download stays for a replay to resume (or the budget to evict)
                Files.deleteIfExists(file);
                deleteIfEmpty(dir);
            }
        }
    }

    private Outcome fromUpload(AssetEvent asset) throws IOException {
        Outcome tooLarge = tooLarge(asset);
        if (tooLarge != null) {
            return tooLarge;
        }
        Path file = Path.of(asset.localPath()).toAbsolutePath().normalize();
        if (!file.startsWith(config.uploadsDir().toAbsolutePath().normalize())) {
            throw new IOException("localPath " + asset.localPath() + " is outside the uploads directory "
                    + config.uploadsDir() + " (INGEST_UPLOADS_DIR)");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("the uploaded file " + file + " is gone");
        }
        if (asset.digest().startsWith(SHA256)) {
            String actual = Sha256.hex(file);
            if (!actual.equals(asset.digest().substring(SHA256.length()))) {
                throw new IOException("the uploaded file " + file + " has SHA-256 " + actual + ", the event says "
                        + asset.digest());
            }
        }
        return fromFile(file, asset);
    }

    private Outcome tooLarge(AssetEvent asset) {
        if (asset.sizeBytes() <= config.maxFileBytes()) {
            return null;
        }
        return Outcome.of(AssetStatus.TOO_LARGE, fileName(asset) + ": " + asset.sizeBytes() + " bytes > limit "
                + config.maxFileBytes() + " bytes (INGEST_MAX_FILE_BYTES)");
    }

    /** The science: read, find the family, store its traces, publish it. */
    private Outcome fromFile(Path file, AssetEvent asset) {
        SweepFamily family;
        Recording recording;
        try {
            recording = RecordingReader.read(file, readLimits());
            family = SweepFamilyEvents.inAmplitudeOrder(CellAnalysis.family(recording));
        } catch (UnreadableFileException e) {
            ReadBudget.OverBudgetException over = ReadBudget.OverBudgetException.of(e);
            if (over != null) {
                metrics.overBudget(over.limit());
            }
            return Outcome.of(AssetStatus.UNREADABLE, e.getMessage());
        } catch (NoLongSquareException e) {
            return Outcome.of(AssetStatus.NO_FAMILY, e.getMessage());
        }
        // LongSquareDetector finds one long-square family per file, so the cell is family 1.
        String cellId = CellIds.cell(asset.fileKey(), 1);
        String inputDigest = asset.digest() + "#1";
        List<Sweep> sweeps = family.sweeps().stream().map(FamilySweep::sweep).toList();
        byte[] traceBytes = TraceCodec.encodeCompact(sweeps);
        byte[] displayBytes = DisplayCodec.encode(CellAnalysis.display(family, config.displayPoints()));
        TraceRef traceRef = traces.write(cellId, TraceKind.TRACES, inputDigest, TraceCodec.COMPACT_ENCODING,
                traceBytes, sweeps.size());
        metrics.stored(TraceKind.TRACES, traceBytes.length);
        TraceRef displayRef = traces.write(cellId, TraceKind.DISPLAY, inputDigest, DisplayCodec.ENCODING,
                displayBytes, sweeps.size());
        metrics.stored(TraceKind.DISPLAY, displayBytes.length);
        SweepFamilyEvent event = SweepFamilyEvents.of(family, cellId, asset.provenance(), inputDigest, traceRef,
                displayRef, recording.subject(), Instant.now());
        publisher.publish(event);
        return Outcome.extracted(cellId, sweeps.size(), traceRef, displayRef);
    }

    /** INGEST_READ_MAX_MEMORY (0: half the heap) and INGEST_READ_MAX_TIME. */
    ReadLimits readLimits() {
        long bytes = config.readMaxMemory().asLongValue();
        return new ReadLimits(bytes > 0 ? bytes : Runtime.getRuntime().maxMemory() / 2, config.readMaxTime());
    }

    private void record(AssetEvent asset, Outcome outcome) {
        ledger.recordOutcome(asset.fileKey(), asset.digest(), outcome, Instant.now());
        if (AssetEvent.SOURCE_UPLOAD.equals(asset.source())) {
            uploads.updateFile(asset.fileKey(), asset.digest(),
                    outcome.isExtracted() ? UploadStatus.EXTRACTED : UploadStatus.FAILED, outcome.outcome(),
                    outcome.reason(), outcome.cellId());
        }
    }

    private void deleteUpload(Path file) {
        Path uploadsDir = config.uploadsDir().toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(uploadsDir)) {
            return; // never delete a file ingest did not store
        }
        try {
            Files.deleteIfExists(f);
            if (!f.getParent().equals(uploadsDir)) {
                deleteIfEmpty(f.getParent());
            }
        } catch (IOException e) {
            LOG.warnf("cannot delete the extracted upload %s: %s", f, e.getMessage());
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty (a partial download to resume) or already gone
        }
    }

    static String fileName(AssetEvent asset) {
        String path = asset.provenance().path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Our own messages as they are; anything else (a bug, a file system error) with its class. */
    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        boolean ours = e.getClass() == IOException.class || e instanceof DandiException
                || e instanceof DiskBudgetExceededException;
        return ours ? m : e.getClass().getSimpleName() + ": " + m;
    }

    /** A low-cardinality label for {@code patchmap_ingest_failures_total}. */
    static String failureKind(Throwable e) {
        if (e instanceof DigestMismatchException) {
            return "digest_mismatch";
        }
        if (e instanceof DandiException) {
            return "download";
        }
        if (e instanceof DiskBudgetExceededException) {
            return "disk_budget";
        }
        return "error_" + e.getClass().getSimpleName();
    }
}
