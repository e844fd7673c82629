package org.patchmap.core.recording.nwb;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.storage.HdfBackingStorage;
import org.patchmap.core.recording.ReadBudget;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * The HDF5 library's view of a file's bytes, with no declared size trusted: every read the
 * library asks for (object headers, heaps, B-tree nodes, chunks, attributes...) must lie inside the
 * file, or it fails naming the address, the length and the file's size; nothing is allocated to
 * answer it (a read is a view of the memory-mapped file or of the bytes given). Each read is
 * also a checkpoint of the file's {@link ReadBudget}, so a damaged structure that sends the
 * library round in circles or piling up objects stops at the budget.
 * <p>
 * Files over 2 GiB are mapped in 1 GiB windows; a read across two windows is copied once the
 * budget allows it.
 */
final class BoundedHdfStorage implements HdfBackingStorage {
    static final long WINDOW = 1L << 30;

    private final ByteBuffer[] windows;
    private final long size;
    private final Superblock superblock;
    private final ReadBudget budget;

    private BoundedHdfStorage(ByteBuffer[] windows, long size, Superblock superblock, ReadBudget budget) {
        this.windows = windows;
        this.size = size;
        this.superblock = superblock;
        this.budget = budget;
    }

    /** The file {@code channel}, memory-mapped; its HDF5 signature is at {@code base}. */
    static HdfFile open(FileChannel channel, long base, ReadBudget budget) throws java.io.IOException {
        long size = channel.size();
        ByteBuffer[] windows;
        if (size <= Integer.MAX_VALUE) {
            windows = new ByteBuffer[]{channel.map(FileChannel.MapMode.READ_ONLY, 0, size)};
        } else {
            int n = (int) ((size + WINDOW - 1) / WINDOW);
            windows = new ByteBuffer[n];
            for (int k = 0; k < n; k++) {
                windows[k] = channel.map(FileChannel.MapMode.READ_ONLY, k * WINDOW, Math.min(WINDOW, size - k * WINDOW));
            }
        }
        return open(windows, size, base, budget);
    }

    /** A file held in memory (an upload being checked, a test's mutant). */
    static HdfFile open(ByteBuffer bytes, long base, ReadBudget budget) {
        return open(new ByteBuffer[]{bytes.slice().asReadOnlyBuffer()}, bytes.remaining(), base, budget);
    }

    private static HdfFile open(ByteBuffer[] windows, long size, long base, ReadBudget budget) {
        ByteBuffer head = windows[0].duplicate().order(ByteOrder.LITTLE_ENDIAN);
        head.position((int) base);
        Superblock superblock = Superblock.readSuperblock(head);
        return newHdfFile(new BoundedHdfStorage(windows, size, superblock, budget));
    }

    /**
     * jhdf builds its storage itself from a path or channel; the constructor that takes a storage
     * is private, so it is called by reflection (a test fails if a jhdf upgrade removes it).
     */
    private static HdfFile newHdfFile(HdfBackingStorage storage) {
        try {
            Constructor<HdfFile> c = HdfFile.class.getDeclaredConstructor(HdfBackingStorage.class);
            c.setAccessible(true);
            return c.newInstance(storage);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this jhdf version has no HdfFile(HdfBackingStorage) constructor", e);
        }
    }

    @Override
    public ByteBuffer readBufferFromAddress(long address, int length) {
        return map(address, length);
    }

    @Override
    public ByteBuffer map(long address, long length) {
        return mapNoOffset(address + superblock.getBaseAddressByte(), length);
    }

    @Override
    public ByteBuffer mapNoOffset(long address, long length) {
        budget.check();
        if (address < 0 || length < 0 || address > size || length > size - address) {
            throw new OutsideFileException(address, length, size);
        }
        int w = (int) (address / WINDOW);
        long at = address - w * WINDOW;
        if (windows.length == 1 || at + length <= windows[w].capacity()) {
            return windows[w].slice((int) at, (int) length).order(ByteOrder.LITTLE_ENDIAN);
        }
        budget.reserve(length, "a read of " + length + " bytes across 1 GiB windows");
        ByteBuffer copy = ByteBuffer.allocate(Math.toIntExact(length));
        for (long from = address; copy.hasRemaining(); ) {
            int k = (int) (from / WINDOW);
            int off = (int) (from - k * WINDOW);
            int n = Math.min(copy.remaining(), windows[k].capacity() - off);
            copy.put(windows[k].slice(off, n));
            from += n;
        }
        return copy.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public long getUserBlockSize() {
        return superblock.getBaseAddressByte();
    }

    @Override
    public Superblock getSuperblock() {
        return superblock;
    }

    @Override
    public FileChannel getFileChannel() {
        throw new UnsupportedOperationException("the file is read through its mapped bytes, not a channel");
    }

    @Override
    public int getSizeOfOffsets() {
        return superblock.getSizeOfOffsets();
    }

    @Override
    public int getSizeOfLengths() {
        return superblock.getSizeOfLengths();
    }

    @Override
    public void close() {
        // the mapping goes with the buffers
    }

    @Override
    public long size() {
        return size;
    }

    /** True: jhdf then never opens other files (external links) nor asks for a channel. */
    @Override
    public boolean inMemory() {
        return true;
    }

    /** A structure of the file points outside it. */
    static final class OutsideFileException extends RuntimeException {
        OutsideFileException(long address, long length, long size) {
            super("a read of " + Long.toUnsignedString(length) + " bytes at address " + Long.toUnsignedString(address)
                    + " lies outside the file (" + size + " bytes)");
        }
    }
}
