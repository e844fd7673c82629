package org.patchmap.core;

import java.util.Arrays;
import java.util.Random;

/**
 * The damage the fuzz tests do to real files: a truncation, bytes flipped in the header or
 * anywhere, a zeroed block. Shared by the reader-level and the whole-path fuzz tests so that
 * both meet the same kinds of corruption.
 */
public enum Mutation {
    TRUNCATE {
        @Override
        public byte[] apply(byte[] b, Random r) {
            int keep = r.nextBoolean() ? r.nextInt(Math.min(b.length, 8192)) : r.nextInt(b.length);
            return Arrays.copyOf(b, keep);
        }
    },
    FLIP_HEADER {
        @Override
        public byte[] apply(byte[] b, Random r) {
            byte[] out = b.clone();
            for (int i = 0, n = 1 + r.nextInt(16); i < n; i++) {
                out[r.nextInt(Math.min(out.length, 4096))] ^= (byte) (1 + r.nextInt(255));
            }
            return out;
        }
    },
    FLIP_ANYWHERE {
        @Override
        public byte[] apply(byte[] b, Random r) {
            byte[] out = b.clone();
            for (int i = 0, n = 1 + r.nextInt(64); i < n; i++) {
                out[r.nextInt(out.length)] ^= (byte) (1 + r.nextInt(255));
            }
            return out;
        }
    },
    ZERO_BLOCK {
        @Override
        public byte[] apply(byte[] b, Random r) {
            byte[] out = b.clone();
            int from = r.nextBoolean() ? 8 : r.nextInt(Math.min(out.length, 65536));
            Arrays.fill(out, from, Math.min(out.length, from + 64 + r.nextInt(512)), (byte) 0);
            return out;
        }
    };

    /** A damaged copy of {@code bytes} (never the array itself). */
    public abstract byte[] apply(byte[] bytes, Random random);
}
