package org.patchmap.core.recording;

import org.junit.jupiter.api.Test;
import org.patchmap.testing.SharedData;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readers' budget: a file over its memory or time is unreadable with that reason, and the reason says which. */
class ReadBudgetTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void anNwbFileOverTheMemoryBudgetIsUnreadableWithTheBudgetAsReason() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> RecordingReader.read(SharedData.cell("19926019.nwb"), new ReadLimits(8_000_000, MINUTE)));
        assertTrue(e.getMessage().startsWith("19926019.nwb: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("over the reader's memory budget (8.0 MB)"), e.getMessage());
        assertEquals(ReadBudget.Limit.MEMORY, ReadBudget.OverBudgetException.of(e).limit());
    }

    @Test
    void anAbfFileOverTheMemoryBudgetIsUnreadableWithTheBudgetAsReason() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> RecordingReader.read(SharedData.cell("PYR2.abf"), new ReadLimits(1_000_000, MINUTE)));
        assertEquals("PYR2.abf: the sweeps' samples needs 4.2 MB: over the reader's memory budget (1.0 MB)",
                e.getMessage());
        assertEquals(ReadBudget.Limit.MEMORY, ReadBudget.OverBudgetException.of(e).limit());
    }

    @Test
    void aFileOverTheTimeBudgetIsUnreadableWithTheBudgetAsReason() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> RecordingReader.read(SharedData.cell("2025053101.nwb"), new ReadLimits(1L << 30, Duration.ofNanos(1))));
        assertEquals("2025053101.nwb: reading took longer than the reader's time budget (0.000001 ms)", e.getMessage());
        assertEquals(ReadBudget.Limit.TIME, ReadBudget.OverBudgetException.of(e).limit());
    }

    @Test
    void withinItsBudgetAFileReadsAsWithout() throws Exception {
        Recording bounded = RecordingReader.read(SharedData.cell("99111002.nwb"), new ReadLimits(64_000_000, MINUTE));
        Recording plain = RecordingReader.read(SharedData.cell("99111002.nwb"));
        assertEquals(plain.sweeps().size(), bounded.sweeps().size());
        for (int k = 0; k < plain.sweeps().size(); k++) {
            assertEquals(plain.sweeps().get(k).name(), bounded.sweeps().get(k).name());
            assertEquals(java.util.Arrays.hashCode(plain.sweeps().get(k).voltageMv()),
                    java.util.Arrays.hashCode(bounded.sweeps().get(k).voltageMv()));
        }
    }

    /**
     * A local heap that says its data is a terabyte: the read that would fetch it is refused at
     * once, naming the group, the read and the file's size, and nothing of that size is allocated.
     */
    @Test
    void aHeapDeclaringATerabyteIsRefusedBeforeAnythingIsAllocated() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.cell("2025053101.nwb"));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long rootHeap = b.getLong(88); // the superblock's root symbol table entry: cached local heap address
        assertEquals("HEAP", new String(bytes, (int) rootHeap, 4, java.nio.charset.StandardCharsets.US_ASCII));
        long dataAddress = b.getLong((int) rootHeap + 24);
        b.putLong((int) rootHeap + 8, 1L << 40);
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> RecordingReader.read("heap.nwb", ByteBuffer.wrap(bytes), new ReadLimits(64_000_000, MINUTE)));
        assertEquals("heap.nwb: corrupt or truncated HDF5: '/nwb_version': HdfException: Failed to load children of "
                + "group '//' at address '96' (OutsideFileException: a read of 1099511627776 bytes at address "
                + dataAddress + " lies outside the file (462720 bytes))", e.getMessage());
        assertInstanceOf(RuntimeException.class, e.getCause());
    }
}
