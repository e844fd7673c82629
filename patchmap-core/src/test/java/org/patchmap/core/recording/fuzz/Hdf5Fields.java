package org.patchmap.core.recording.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The size, count and address fields of an HDF5 file with a version 0 superblock and old-style
 * groups (what h5py and pynwb write by default, and every NWB file in the shared data): the
 * superblock, local and global heaps, v1 B-tree nodes (group and chunk indexes), symbol table
 * nodes, and the messages of v1 object headers (dataspace dimensions, datatype sizes, data
 * layouts, filter pipelines, attributes, continuations, symbol tables), found by following the
 * structure from the root, as the reader does, and by the structures' signatures.
 * Written from the HDF5 file format specification, version 2.
 */
final class Hdf5Fields {
    private static final int O = 8;
    private static final int L = 8;

    private final ByteBuffer b;
    private final List<Field> fields = new ArrayList<>();
    private final Set<Long> headers = new HashSet<>();

    private Hdf5Fields(byte[] bytes) {
        this.b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The fields of {@code file}; empty when it is not such an HDF5 file. */
    static List<Field> find(byte[] file) {
        Hdf5Fields f = new Hdf5Fields(file);
        if (file.length < 96 || file[0] != (byte) 0x89 || file[1] != 'H' || file[8] != 0 || file[13] != O || file[14] != L) {
            return List.of();
        }
        f.superblock();
        f.signatures();
        return f.fields;
    }

    private void superblock() {
        add(13, 1, "superblock offset size");
        add(14, 1, "superblock length size");
        add(16, 2, "superblock group leaf K");
        add(18, 2, "superblock group internal K");
        add(24, O, "superblock base address");
        add(40, O, "superblock end of file");
        add(56, O, "root entry name offset");
        add(64, O, "root object header address");
        add(80, O, "root B-tree address");
        add(88, O, "root local heap address");
        objectHeader(u64(64));
    }

    /** Structures with signatures, and the object headers their entries point to. */
    private void signatures() {
        byte[] a = b.array();
        for (int i = 0; i + 8 <= a.length; i++) {
            if (a[i] == 'H' && a[i + 1] == 'E' && a[i + 2] == 'A' && a[i + 3] == 'P' && a[i + 4] == 0) {
                add(i + 8, L, "local heap data size");
                add(i + 16, L, "local heap free list offset");
                add(i + 24, O, "local heap data address");
            } else if (a[i] == 'G' && a[i + 1] == 'C' && a[i + 2] == 'O' && a[i + 3] == 'L' && a[i + 4] == 1) {
                add(i + 8, L, "global heap collection size");
                add(i + 16, 2, "global heap object index");
                add(i + 24, L, "global heap object size");
            } else if (a[i] == 'T' && a[i + 1] == 'R' && a[i + 2] == 'E' && a[i + 3] == 'E') {
                tree(i);
            } else if (a[i] == 'S' && a[i + 1] == 'N' && a[i + 2] == 'O' && a[i + 3] == 'D' && a[i + 4] == 1) {
                symbolNode(i);
            }
        }
    }

    private void tree(int at) {
        int type = b.get(at + 4);
        int entries = Short.toUnsignedInt(b.getShort(at + 6));
        add(at + 5, 1, "B-tree level");
        add(at + 6, 2, "B-tree entries");
        add(at + 8, O, "B-tree left sibling");
        add(at + 16, O, "B-tree right sibling");
        if (type == 0) {
            for (int k = 0, p = at + 24; k < Math.min(entries, 64); k++, p += L + O) {
                add(p, L, "group B-tree key (heap offset)");
                add(p + L, O, "group B-tree child address");
            }
        } else if (type == 1) {
            add(at + 24, 4, "chunk index chunk size");
            add(at + 28, 4, "chunk index filter mask");
            add(at + 32, 8, "chunk index chunk offset");
        }
    }

    private void symbolNode(int at) {
        int n = Short.toUnsignedInt(b.getShort(at + 6));
        add(at + 6, 2, "symbol table entries");
        for (int k = 0; k < Math.min(n, 64); k++) {
            int e = at + 8 + 40 * k;
            if (e + 40 > b.capacity()) {
                return;
            }
            add(e, O, "symbol name heap offset");
            add(e + O, O, "symbol object header address");
            add(e + 16, 4, "symbol cache type");
            add(e + 24, O, "symbol cached B-tree address");
            add(e + 32, O, "symbol cached heap address");
            objectHeader(u64(e + O));
        }
    }

    /** A version 1 object header and its continuation blocks. */
    private void objectHeader(long address) {
        if (address <= 0 || address + 16 > b.capacity() || !headers.add(address) || b.get((int) address) != 1) {
            return;
        }
        int at = (int) address;
        add(at + 2, 2, "object header message count");
        add(at + 8, 4, "object header size");
        long size = Integer.toUnsignedLong(b.getInt(at + 8));
        messages(at + 16, size);
    }

    private void messages(int from, long size) {
        int end = (int) Math.min(b.capacity(), from + size);
        for (int p = from; p + 8 <= end; ) {
            int type = Short.toUnsignedInt(b.getShort(p));
            int length = Short.toUnsignedInt(b.getShort(p + 2));
            add(p + 2, 2, "message size");
            message(type, p + 8, length);
            p += 8 + length;
        }
    }

    private void message(int type, int at, int length) {
        if (at + length > b.capacity()) {
            return;
        }
        switch (type) {
            case 0x1 -> dataspace(at, "dataspace");
            case 0x3 -> add(at + 4, 4, "datatype size");
            case 0x8 -> layout(at);
            case 0xB -> filters(at, length);
            case 0xC -> attribute(at);
            case 0x10 -> {
                add(at, O, "continuation address");
                add(at + O, L, "continuation length");
                long address = u64(at);
                long n = u64(at + O);
                if (address > 0 && address < b.capacity() && n < b.capacity()) {
                    messages((int) address, n);
                }
            }
            case 0x11 -> {
                add(at, O, "symbol table B-tree address");
                add(at + O, O, "symbol table heap address");
            }
            default -> {
            }
        }
    }

    private void dataspace(int at, String what) {
        int version = b.get(at);
        int rank = b.get(at + 1);
        add(at + 1, 1, what + " rank");
        int dims = at + (version == 1 ? 8 : 4);
        for (int k = 0; k < Math.min(rank, 4); k++) {
            add(dims + 8 * k, L, what + " dimension");
        }
    }

    private void layout(int at) {
        int version = b.get(at);
        if (version != 3) {
            return;
        }
        int kind = b.get(at + 1);
        if (kind == 0) {
            add(at + 2, 2, "compact data size");
        } else if (kind == 1) {
            add(at + 2, O, "contiguous data address");
            add(at + 2 + O, L, "contiguous data size");
        } else if (kind == 2) {
            int rank = b.get(at + 2);
            add(at + 2, 1, "chunk rank");
            add(at + 3, O, "chunk index address");
            for (int k = 0; k < Math.min(rank, 4); k++) {
                add(at + 3 + O + 4 * k, 4, "chunk dimension");
            }
        }
    }

    private void filters(int at, int length) {
        add(at + 1, 1, "filter count");
        int p = at + 8; // version 1: version, count, 6 reserved
        if (b.get(at) == 1 && p + 8 <= at + length) {
            add(p, 2, "filter id");
            add(p + 2, 2, "filter name length");
            add(p + 6, 2, "filter parameter count");
            int nameLength = Short.toUnsignedInt(b.getShort(p + 2));
            int values = p + 8 + ((nameLength + 7) & ~7);
            if (values + 4 <= at + length) {
                add(values, 4, "filter parameter");
            }
        }
    }

    private void attribute(int at) {
        int version = b.get(at);
        add(at + 2, 2, "attribute name size");
        add(at + 4, 2, "attribute datatype size");
        add(at + 6, 2, "attribute dataspace size");
        if (version != 1) {
            return;
        }
        int name = Short.toUnsignedInt(b.getShort(at + 2));
        int type = Short.toUnsignedInt(b.getShort(at + 4));
        int datatype = at + 8 + ((name + 7) & ~7);
        if (datatype + 8 <= b.capacity()) {
            add(datatype + 4, 4, "attribute element size");
        }
        int space = datatype + ((type + 7) & ~7);
        if (space + 16 <= b.capacity()) {
            dataspace(space, "attribute dataspace");
        }
    }

    private void add(int offset, int width, String kind) {
        if (offset >= 0 && offset + width <= b.capacity()) {
            fields.add(new Field(offset, width, kind));
        }
    }

    private long u64(int at) {
        return at + 8 <= b.capacity() ? b.getLong(at) : -1;
    }
}
