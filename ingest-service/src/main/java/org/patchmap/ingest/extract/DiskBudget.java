package org.patchmap.ingest.extract;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.ingest.config.IngestConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps what ingest writes to disk (downloads in the work directory, uploads waiting for their
 * extraction, and multipart bodies in transit, which the HTTP layer spools to the uploads
 * directory's {@value #INCOMING}) under {@code patchmap.ingest.disk-budget}. A writer reserves a
 * file's size before writing it; the bytes in use are the reservations plus every other file of
 * both directories, spooled bodies included. When a reservation does not fit, leftovers of the work
 * directory (partial downloads of assets that failed) are deleted, oldest first; if it still does
 * not fit, it is refused. A spooled body cannot be refused once it arrives: an upload whose declared
 * length does not fit is refused from its headers ({@link #fits}).
 * Gauges: {@code patchmap_ingest_disk_used_bytes}, {@code patchmap_ingest_disk_budget_bytes}.
 */
@ApplicationScoped
public class DiskBudget {
    /** The HTTP layer's spool inside the uploads directory ({@code quarkus.http.body.uploads-directory}). */
    public static final String INCOMING = ".incoming";
    private static final Logger LOG = Logger.getLogger(DiskBudget.class);

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry registry;

    private final Map<Path, Long> reserved = new HashMap<>();
    /** Files being moved to a reserved target: the target's reservation covers them. */
    private final Map<Path, Path> moving = new HashMap<>();

    /** A reservation; closing it returns the bytes (the file, if kept, then counts as it is on disk). */
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    void register(@Observes StartupEvent start) {
        Gauge.builder("patchmap.ingest.disk.used", this, DiskBudget::usedOrNaN).baseUnit("bytes")
                .description("Bytes in ingest's work and uploads directories, reservations included")
                .strongReference(true).register(registry);
        Gauge.builder("patchmap.ingest.disk.budget", this, b -> b.budget()).baseUnit("bytes")
                .description("INGEST_DISK_BUDGET").strongReference(true).register(registry);
    }

    public long budget() {
        return config.diskBudget().asLongValue();
    }

    /**
     * Reserves {@code bytes} for {@code file} (and its {@code .part} sibling, which a download
     * writes first).
     *
     * @throws DiskBudgetExceededException when even without leftovers the budget is too small
     */
    public synchronized Reservation reserve(Path file, long bytes) throws DiskBudgetExceededException {
        Path key = file.toAbsolutePath().normalize();
        long used = used();
        if (used + bytes > budget()) {
            used -= evictLeftovers(used + bytes - budget());
        }
        if (used + bytes > budget()) {
            throw exceeded(file, bytes, used);
        }
        reserved.put(key, bytes);
        return () -> release(key);
    }

    /**
     * Reserves room for {@code target}, where {@code source} (a file already counted, such as a spooled
     * body) is about to be moved: its bytes are in use already and move with it.
     */
    public synchronized Reservation reserveMove(Path source, Path target) throws DiskBudgetExceededException {
        long bytes = size(source);
        Path key = target.toAbsolutePath().normalize();
        long used = used() - (isReserved(source) ? 0 : bytes);
        if (used + bytes > budget()) {
            used -= evictLeftovers(used + bytes - budget());
        }
        if (used + bytes > budget()) {
            throw exceeded(target, bytes, used);
        }
        Path from = source.toAbsolutePath().normalize();
        reserved.put(key, bytes);
        moving.put(from, key);
        return () -> release(key, from);
    }

    /**
     * Whether {@code bytes} more would fit now (leftovers of the work directory counting as free);
     * empty if so, else why not.
     */
    public synchronized Optional<String> fits(String what, long bytes) {
        long used = used();
        long leftovers = 0;
        for (Path f : files(config.workDir())) {
            if (!isReserved(f)) {
                leftovers += size(f);
            }
        }
        return used - leftovers + bytes <= budget() ? Optional.empty()
                : Optional.of(what + " needs " + bytes + " bytes, " + used + " of the " + budget()
                        + "-byte disk budget (INGEST_DISK_BUDGET) are in use");
    }

    private DiskBudgetExceededException exceeded(Path file, long bytes, long used) {
        return new DiskBudgetExceededException(file.getFileName() + " needs " + bytes + " bytes, " + used
                + " of the " + budget() + "-byte disk budget (INGEST_DISK_BUDGET) are in use");
    }

    private synchronized void release(Path key) {
        reserved.remove(key);
    }

    private synchronized void release(Path key, Path from) {
        reserved.remove(key);
        moving.remove(from);
    }

    /** Bytes in use: reservations, plus the files of both directories (spool included) not covered by one. */
    public synchronized long used() {
        long total = reserved.values().stream().mapToLong(Long::longValue).sum();
        for (Path f : files()) {
            if (!isReserved(f)) {
                total += size(f);
            }
        }
        return total;
    }

    private double usedOrNaN() {
        try {
            return used();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Deletes unreserved files of the work directory, oldest first, until {@code needed} bytes are free. */
    private long evictLeftovers(long needed) {
        List<Path> leftovers = new ArrayList<>();
        for (Path f : files(config.workDir())) {
            if (!isReserved(f)) {
                leftovers.add(f);
            }
        }
        leftovers.sort(Comparator.comparing(DiskBudget::modified));
        long freed = 0;
        for (Path f : leftovers) {
            if (freed >= needed) {
                break;
            }
            long size = size(f);
            try {
                Files.deleteIfExists(f);
                freed += size;
                LOG.infof("disk budget: deleted leftover %s (%d bytes)", f, size);
            } catch (IOException e) {
                LOG.warnf("disk budget: cannot delete leftover %s: %s", f, e.getMessage());
            }
        }
        return freed;
    }

    private boolean isReserved(Path f) {
        Path p = f.toAbsolutePath().normalize();
        String name = p.getFileName().toString();
        return reserved.containsKey(p) || moving.containsKey(p)
                || name.endsWith(".part") && reserved.containsKey(p.resolveSibling(name.substring(0, name.length() - 5)));
    }

    private List<Path> files() {
        List<Path> all = new ArrayList<>(files(config.workDir()));
        all.addAll(files(config.uploadsDir()));
        return all;
    }

    /** The regular files under {@code dir}; a file deleted meanwhile is skipped. */
    private static List<Path> files(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0; // deleted meanwhile
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
