package org.patchmap.ingest.extract;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.ingest.config.IngestConfig;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The disk budget's accounting: reservations, files on disk, leftovers evicted oldest first, refusals. */
class DiskBudgetTest {
    @TempDir
    Path root;

    private DiskBudget budget(long bytes) {
        DiskBudget b = new DiskBudget();
        b.registry = new SimpleMeterRegistry();
        b.config = new IngestConfig() {
            public long maxFileBytes() {
                return Long.MAX_VALUE;
            }

            public Path workDir() {
                return root.resolve("work");
            }

            public Path uploadsDir() {
                return root.resolve("uploads");
            }

            public MemorySize diskBudget() {
                return new MemorySize(BigInteger.valueOf(bytes));
            }

            public MemorySize uploadMaxSize() {
                return new MemorySize(BigInteger.valueOf(bytes));
            }

            public int displayPoints() {
                return 2000;
            }

            public int uploadRatePerMinute() {
                return 0;
            }

            public int uploadConcurrentPerClient() {
                return 0;
            }

            public boolean uploadTrustForwarded() {
                return false;
            }

            public MemorySize readMaxMemory() {
                return new MemorySize(BigInteger.ZERO);
            }

            public java.time.Duration readMaxTime() {
                return java.time.Duration.ofMinutes(5);
            }

            public java.time.Duration uploadRetention() {
                return java.time.Duration.ofDays(7);
            }

            public java.time.Duration uploadExpiryInterval() {
                return java.time.Duration.ofHours(1);
            }
        };
        return b;
    }

    private Path file(String relative, int bytes, long ageS) throws Exception {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[bytes]);
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - ageS * 1000));
        return f;
    }

    @Test
    void reservationsAndFilesCountOnce() throws Exception {
        DiskBudget b = budget(1000);
        file("uploads/u1/a.abf", 300, 0);
        file("uploads/.incoming/body", 50, 0); // a multipart body in transit counts too
        assertEquals(350, b.used());
        Path download = root.resolve("work/asset/cell.nwb");
        try (DiskBudget.Reservation r = b.reserve(download, 600)) {
            assertEquals(950, b.used());
            file("work/asset/cell.nwb.part", 400, 0); // the reservation covers its .part
            assertEquals(950, b.used());
            DiskBudgetExceededException e = assertThrows(DiskBudgetExceededException.class,
                    () -> b.reserve(root.resolve("uploads/u2/b.abf"), 200));
            assertEquals("b.abf needs 200 bytes, 950 of the 1000-byte disk budget (INGEST_DISK_BUDGET) are in use",
                    e.getMessage());
        }
        // released: the .part left behind counts as it is
        assertEquals(750, b.used());
    }

    @Test
    void aSpooledBodyMovedIntoTheUploadsCountsOnce() throws Exception {
        DiskBudget b = budget(1000);
        Path spooled = file("uploads/.incoming/body-1", 600, 0);
        file("uploads/u1/a.abf", 300, 0);
        assertEquals(900, b.used());
        assertEquals("upload needs 200 bytes, 900 of the 1000-byte disk budget (INGEST_DISK_BUDGET) are in use",
                b.fits("upload", 200).orElseThrow());
        assertTrue(b.fits("upload", 100).isEmpty());
        Path target = root.resolve("uploads/u2/b.abf");
        try (DiskBudget.Reservation r = b.reserveMove(spooled, target)) {
            assertEquals(900, b.used(), "the reservation covers the spooled body");
            Files.createDirectories(target.getParent());
            Files.move(spooled, target);
            assertEquals(900, b.used());
        }
        assertEquals(900, b.used());
        // a second spooled body of 600 bytes does not fit beside them
        Path second = file("uploads/.incoming/body-2", 600, 0);
        DiskBudgetExceededException e = assertThrows(DiskBudgetExceededException.class,
                () -> b.reserveMove(second, root.resolve("uploads/u3/c.abf")));
        assertEquals("c.abf needs 600 bytes, 900 of the 1000-byte disk budget (INGEST_DISK_BUDGET) are in use",
                e.getMessage());
    }

    @Test
    void leftoversOfTheWorkDirectoryAreEvictedOldestFirst() throws Exception {
        DiskBudget b = budget(1000);
        Path old = file("work/a1/x.nwb.part", 400, 3600);
        Path newer = file("work/a2/y.nwb.part", 400, 60);
        Path upload = file("uploads/u1/a.abf", 150, 7200);
        try (DiskBudget.Reservation r = b.reserve(root.resolve("work/a3/z.nwb"), 400)) {
            assertFalse(Files.exists(old), "the oldest leftover is evicted");
            assertTrue(Files.exists(newer), "only as much as needed");
            assertTrue(Files.exists(upload), "uploads are never evicted");
            assertEquals(950, b.used());
        }
        assertThrows(DiskBudgetExceededException.class, () -> b.reserve(root.resolve("work/a4/w.nwb"), 900));
        assertTrue(Files.exists(upload));
    }
}
