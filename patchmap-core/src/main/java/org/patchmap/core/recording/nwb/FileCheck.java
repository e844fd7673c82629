package org.patchmap.core.recording.nwb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the bytes say before the HDF5 library sees them: a missing file, an empty one, a
 * gzip-wrapped one (MIES ships "-compressed.nwb" files that are gzip around the HDF5), text or
 * anything else without the HDF5 signature, and a truncated HDF5 file (the superblock states the
 * file's end-of-file address; a shorter file lost its tail). Each gets one specific message
 * instead of whatever the HDF5 parser would trip over.
 */
final class FileCheck {
    static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final long UNDEFINED = -1;

    private FileCheck() {
    }

    /** Opens {@code file} for reading, with one message for a missing, directory or empty file. */
    static FileChannel open(Path file) throws BadNwbException, IOException {
        if (!Files.exists(file)) {
            throw new BadNwbException("no such file");
        }
        if (Files.isDirectory(file)) {
            throw new BadNwbException("is a directory, not a file");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BadNwbException("no such file");
        }
        if (ch.size() == 0) {
            ch.close();
            throw new BadNwbException("empty file (0 bytes)");
        }
        return ch;
    }

    /**
     * Checks a file of {@code size} bytes whose first bytes are {@code head} (at least its first
     * MiB, or all of it); returns where its HDF5 signature is (the base address).
     */
    static long check(ByteBuffer head, long size) throws BadNwbException {
        if (size == 0) {
            throw new BadNwbException("empty file (0 bytes)");
        }
        byte[] first = read(head, 0, 8);
        if (first.length >= 2 && (first[0] & 0xFF) == 0x1f && (first[1] & 0xFF) == 0x8b) {
            throw new BadNwbException("gzip-compressed file (the whole file is gzip-wrapped, not HDF5): "
                    + "decompress it first (gunzip)");
        }
        long base = signatureOffset(head);
        if (base < 0) {
            throw new BadNwbException("not an HDF5 file (no HDF5 signature; starts with " + printable(first)
                    + "): NWB 2.x files are HDF5");
        }
        long eof = endOfFile(head, (int) base);
        if (eof != UNDEFINED && (eof < 0 || eof > size - base)) {
            throw new BadNwbException("corrupt or truncated HDF5: the file has " + size + " bytes, its superblock "
                    + "says " + (eof < 0 ? Long.toUnsignedString(eof) : String.valueOf(base + eof)) + " (truncated)");
        }
        return base;
    }

    /** HDF5 looks for its signature at 0, 512, 1024, 2048... (after a user block). */
    private static long signatureOffset(ByteBuffer head) {
        for (long at = 0; at + 8 <= head.limit(); at = at == 0 ? 512 : at * 2) {
            if (java.util.Arrays.equals(read(head, (int) at, 8), HDF5_SIGNATURE)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * The superblock's end-of-file address (relative to the base address), or UNDEFINED when it is
     * not stated or the superblock is too damaged to say (the HDF5 library then reports it).
     */
    private static long endOfFile(ByteBuffer head, int base) throws BadNwbException {
        byte[] sb = read(head, base, 96);
        if (sb.length < 16) {
            return UNDEFINED;
        }
        int version = sb[8] & 0xFF;
        int offsetSize;
        int lengthSize;
        int at;
        if (version == 0 || version == 1) {
            offsetSize = sb[13] & 0xFF;
            lengthSize = sb[14] & 0xFF;
            // signature 8, versions 5, offset and length sizes 2, reserved 1, K values 4, flags 4 (+ v1: 4)
            at = 24 + (version == 1 ? 4 : 0) + 2 * offsetSize;
        } else if (version == 2 || version == 3) {
            offsetSize = sb[9] & 0xFF;
            lengthSize = sb[10] & 0xFF;
            // signature 8, version 1, sizes 2, flags 1, base address, extension address
            at = 12 + 2 * offsetSize;
        } else {
            return UNDEFINED;
        }
        if (!usable(offsetSize) || !usable(lengthSize)) {
            throw new BadNwbException("corrupt or truncated HDF5: the superblock gives " + offsetSize + "-byte addresses and "
                    + lengthSize + "-byte lengths (2, 4 or 8 expected)");
        }
        if (at + offsetSize > sb.length) {
            return UNDEFINED;
        }
        ByteBuffer b = ByteBuffer.wrap(sb, at, offsetSize).order(ByteOrder.LITTLE_ENDIAN);
        long eof = offsetSize == 8 ? b.getLong() : offsetSize == 4 ? b.getInt() & 0xFFFFFFFFL : b.getShort() & 0xFFFF;
        boolean allOnes = offsetSize == 8 ? eof == -1 : eof == (1L << (8 * offsetSize)) - 1;
        return allOnes ? UNDEFINED : eof;
    }

    private static boolean usable(int size) {
        return size == 2 || size == 4 || size == 8;
    }

    /** Up to {@code n} bytes at {@code at} (fewer at the end of the buffer). */
    private static byte[] read(ByteBuffer head, int at, int n) {
        int m = Math.max(0, Math.min(n, head.limit() - at));
        byte[] out = new byte[m];
        head.get(at, out);
        return out;
    }

    private static String printable(byte[] head) {
        StringBuilder s = new StringBuilder("'");
        for (byte x : head) {
            int c = x & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.append("'").toString();
    }
}
