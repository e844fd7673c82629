package org.patchmap.core.recording.abf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian, bounds-checked reads from an ABF file's bytes. Every read checks the position
 * against the file size and throws {@link CorruptAbfException} (never an IndexOutOfBounds) so that
 * a header pointing past the end gives one clear message.
 */
final class AbfBytes {
    private final ByteBuffer buffer;

    AbfBytes(ByteBuffer buffer) {
        this.buffer = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    long size() {
        return buffer.capacity();
    }

    /** Fails unless [offset, offset + length) lies inside the file. */
    void require(long offset, long length, String what) throws CorruptAbfException {
        if (offset < 0 || length < 0 || offset > size() || length > size() - offset) {
            throw new CorruptAbfException(what + " at byte " + offset + " (+" + length + " bytes) lies past the end of the file ("
                    + size() + " bytes): truncated or corrupt");
        }
    }

    short int16(long offset) throws CorruptAbfException {
        require(offset, 2, "header field");
        return buffer.getShort((int) offset);
    }

    int int32(long offset) throws CorruptAbfException {
        require(offset, 4, "header field");
        return buffer.getInt((int) offset);
    }

    /** Unsigned 32-bit value. */
    long uint32(long offset) throws CorruptAbfException {
        return int32(offset) & 0xFFFFFFFFL;
    }

    long int64(long offset) throws CorruptAbfException {
        require(offset, 8, "header field");
        return buffer.getLong((int) offset);
    }

    float float32(long offset) throws CorruptAbfException {
        require(offset, 4, "header field");
        return buffer.getFloat((int) offset);
    }

    byte[] bytes(long offset, int length) throws CorruptAbfException {
        require(offset, length, "header field");
        byte[] out = new byte[length];
        buffer.get((int) offset, out);
        return out;
    }

    /** A fixed-width Latin-1 text field, cut at the first NUL and trimmed. */
    String text(long offset, int length) throws CorruptAbfException {
        byte[] b = bytes(offset, length);
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.ISO_8859_1).trim();
    }

    /** Raw sample {@code index} of a data section starting at {@code dataOffset} (bounds checked by the caller). */
    short sampleInt16(long dataOffset, long index) {
        return buffer.getShort((int) (dataOffset + 2 * index));
    }

    /** Raw samples [index, index + count) of an int16 data section, copied in bulk (bounds checked by the caller). */
    void samplesInt16(long dataOffset, long index, short[] dst, int count) {
        buffer.slice((int) (dataOffset + 2 * index), 2 * count).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer()
                .get(dst, 0, count);
    }

    float sampleFloat32(long dataOffset, long index) {
        return buffer.getFloat((int) (dataOffset + 4 * index));
    }

    /** The 16 GUID bytes as the usual text form (Windows GUID layout), or null when all zero. */
    static String guid(byte[] g) {
        boolean zero = true;
        for (byte x : g) {
            zero &= x == 0;
        }
        if (zero) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder();
        s.append(String.format("%08X-%04X-%04X-", b.getInt(0), b.getShort(4) & 0xFFFF, b.getShort(6) & 0xFFFF));
        for (int i = 8; i < 16; i++) {
            if (i == 10) {
                s.append('-');
            }
            s.append(String.format("%02X", g[i] & 0xFF));
        }
        return s.toString();
    }
}
