package org.patchmap.core.recording.nwb;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;

/**
 * What a dataset or attribute says it holds, checked before the HDF5 library allocates for it:
 * the library makes the whole array of the declared shape first and fills it after, so a damaged
 * dimension or element size would otherwise cost gigabytes before any read fails.
 * <ul>
 * <li>data stored in one piece (contiguous or compact) fits in the file;</li>
 * <li>chunked data: a chunk is no larger than the data (or 4 MiB), the chunks stored cover the
 * declared length, and the data is at most {@link #MAX_EXPANSION} times what its chunks store
 * (deflate, the strongest filter NWB files use, cannot expand more than about 1,032 times);</li>
 * <li>an attribute has at most {@link #MAX_ATTRIBUTE_ELEMENTS} elements and fits in the file;</li>
 * <li>what remains is reserved in the read's memory budget.</li>
 * </ul>
 */
final class DeclaredSize {
    static final long MAX_EXPANSION = 1100;
    static final long MAX_ATTRIBUTE_ELEMENTS = 1 << 20;
    private static final long MIN_CHUNK_ALLOWANCE = 4L << 20;

    private DeclaredSize() {
    }

    /**
     * Checks dataset {@code d} before its data is read: {@code copies} is how many arrays of its
     * size the caller makes from it (the library's bytes, its typed array, the caller's own).
     */
    static void dataset(Dataset d, int copies) {
        ReadContext c = ReadContext.current();
        String what = "dataset '" + d.getPath() + "'";
        long elements = product(d.getDimensionsAsLong());
        long elementSize = d.getDataType().getSize();
        long bytes = times(elements, elementSize);
        if (elementSize <= 0 || bytes == Long.MAX_VALUE) {
            throw new CorruptHdfException(what + " declares " + elements + " elements of " + elementSize
                    + " bytes: corrupt");
        }
        if (d instanceof ChunkedDataset chunked) {
            chunks(chunked, what, bytes, elementSize);
        } else if (bytes > c.fileSize()) {
            throw new CorruptHdfException(what + " declares " + bytes + " bytes (" + elements + " elements of "
                    + elementSize + " bytes) in a file of " + c.fileSize() + " bytes: truncated or corrupt");
        }
        c.budget().reserve(times(bytes, copies), what + " (" + elements + " elements of " + elementSize + " bytes)");
    }

    private static void chunks(ChunkedDataset d, String what, long bytes, long elementSize) {
        int[] chunk = d.getChunkDimensions();
        long chunkBytes = times(product(chunk), elementSize);
        if (chunkBytes > Math.max(bytes, MIN_CHUNK_ALLOWANCE)) {
            throw new CorruptHdfException(what + " declares chunks of " + chunkBytes + " bytes for " + bytes
                    + " bytes of data: corrupt");
        }
        long stored = d.getStorageInBytes();
        if (bytes > times(MAX_EXPANSION, Math.max(stored, 1))) {
            throw new CorruptHdfException(what + " declares " + bytes + " bytes but its chunks store " + stored
                    + ": more than any compression gives, corrupt");
        }
        long[] dims = d.getDimensionsAsLong();
        if (dims.length == chunk.length && bytes > 0) {
            int[] last = new int[dims.length];
            for (int k = 0; k < dims.length; k++) {
                last[k] = chunk[k] <= 0 ? 0 : (int) ((dims[k] - 1) / chunk[k] * chunk[k]);
            }
            try {
                d.getRawChunkBuffer(last);
            } catch (HdfException e) {
                throw new CorruptHdfException(what + " declares " + java.util.Arrays.toString(dims)
                        + " elements but its last chunk is not stored: truncated or corrupt");
            }
        }
    }

    /** Checks attribute {@code a} before its value is decoded. */
    static void attribute(Attribute a) {
        ReadContext c = ReadContext.current();
        long elements = a.getSize();
        long bytes = a.getSizeInBytes();
        if (elements < 0 || elements > MAX_ATTRIBUTE_ELEMENTS || bytes < 0 || bytes > c.fileSize()) {
            throw new CorruptHdfException("attribute '" + a.getName() + "' of '" + a.getNode().getPath() + "' declares "
                    + elements + " elements (" + bytes + " bytes): corrupt");
        }
        c.budget().reserve(times(bytes, 3), "attribute '" + a.getName() + "'");
    }

    /** The product of {@code dims}, Long.MAX_VALUE on overflow or a negative dimension. */
    static long product(long[] dims) {
        long n = 1;
        for (long x : dims) {
            if (x < 0) {
                return Long.MAX_VALUE;
            }
            n = times(n, x);
        }
        return n;
    }

    static long product(int[] dims) {
        return product(java.util.Arrays.stream(dims).asLongStream().toArray());
    }

    /** a × b for non-negative values, Long.MAX_VALUE on overflow. */
    static long times(long a, long b) {
        if (a < 0 || b < 0) {
            return Long.MAX_VALUE;
        }
        return a == 0 || b <= Long.MAX_VALUE / a ? a * b : Long.MAX_VALUE;
    }
}
