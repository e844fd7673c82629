package org.patchmap.core.recording.fuzz;

import org.patchmap.core.Mutation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

/**
 * One damaged copy of a real file, made from a seed alone (so any one mutant can be made again
 * without the others): mostly a few structure fields set to values that break readers (zero,
 * all ones, the signed limits, the file's size and its neighbours, the old value doubled or
 * off by one or with a bit flipped, a random power of two), otherwise a truncation, flipped
 * bytes or a zeroed block ({@link Mutation}).
 *
 * @param name  the file name the reader sees: m{index}_{what}_{original}
 * @param bytes the mutant
 * @param what  the damage, for the report ("datatype size", "truncate"...)
 */
record Mutant(String name, byte[] bytes, String what) {
    /** Mutant {@code index} of {@code original} (whose fields are {@code fields}) under {@code seed}. */
    static Mutant of(String original, byte[] bytes, List<Field> fields, long seed, int index) {
        Random r = new Random(seed * 1_000_003L + original.hashCode() * 7_919L + index);
        if (fields.isEmpty() || r.nextInt(10) < 3) {
            Mutation m = Mutation.values()[r.nextInt(Mutation.values().length)];
            String what = m.name().toLowerCase();
            return new Mutant("m" + index + "_" + what + "_" + original, m.apply(bytes, r), what);
        }
        byte[] out = bytes.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        Field first = null;
        for (int k = 0, n = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0); k < n; k++) {
            Field f = fields.get(r.nextInt(fields.size()));
            first = first == null ? f : first;
            write(b, f, value(read(b, f), f.width(), bytes.length, r));
        }
        String what = first.kind();
        return new Mutant("m" + index + "_" + what.replaceAll("[^A-Za-z0-9]+", "-") + "_" + original, out, what);
    }

    private static long value(long old, int width, long fileSize, Random r) {
        long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
        long v = switch (r.nextInt(14)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> -1;
            case 3 -> mask >>> 1;
            case 4 -> (mask >>> 1) + 1;
            case 5 -> fileSize;
            case 6 -> fileSize - 1 - r.nextInt(16);
            case 7 -> fileSize + 1 + r.nextInt(4096);
            case 8 -> old * 2;
            case 9 -> old + 1;
            case 10 -> old - 1;
            case 11 -> old ^ (1L << r.nextInt(8 * width));
            case 12 -> 1L << r.nextInt(8 * width);
            default -> r.nextLong();
        };
        return v & mask;
    }

    private static long read(ByteBuffer b, Field f) {
        return switch (f.width()) {
            case 1 -> b.get(f.offset()) & 0xFFL;
            case 2 -> b.getShort(f.offset()) & 0xFFFFL;
            case 4 -> b.getInt(f.offset()) & 0xFFFFFFFFL;
            default -> b.getLong(f.offset());
        };
    }

    private static void write(ByteBuffer b, Field f, long v) {
        switch (f.width()) {
            case 1 -> b.put(f.offset(), (byte) v);
            case 2 -> b.putShort(f.offset(), (short) v);
            case 4 -> b.putInt(f.offset(), (int) v);
            default -> b.putLong(f.offset(), v);
        }
    }
}
