package org.patchmap.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Lower-case hex SHA-256, the digest the claim-checks ({@code TraceRef.sha256}) and DANDI's
 * {@code dandi:sha2-256} use: one place for the stored traces, downloads and uploads.
 */
public final class Sha256 {
    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes(bytes));
    }

    /** The 32 bytes of the digest. */
    public static byte[] bytes(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** Of a file, streamed (downloads and uploads reach hundreds of MB). */
    public static String hex(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
