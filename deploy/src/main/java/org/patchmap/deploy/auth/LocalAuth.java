package org.patchmap.deploy.auth;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The local stack's signing key and admin token (docs/security.md), made once in {@code <data>/auth}: an RSA
 * key pair ({@code private.pem}, owner-only, and {@code public.pem}, which the services verify with) and
 * {@code admin-token}, an RS256 token with role admin, signed with jose4j. Later starts reuse them; deleting
 * {@code admin-token} makes a new one, deleting the folder a new key (and every earlier token stops working).
 */
public final class LocalAuth {
    /** The issuer of the stack's tokens, and the services' default {@code AUTH_ISSUER}. */
    public static final String DEFAULT_ISSUER = "patchmap-local";
    /** How long the admin token is valid: the stack is one operator's machine. */
    static final long TOKEN_YEARS = 10;

    private final Path publicKey;
    private final Path tokenFile;
    private final String issuer;
    private final String token;

    private LocalAuth(Path publicKey, Path tokenFile, String issuer, String token) {
        this.publicKey = publicKey;
        this.tokenFile = tokenFile;
        this.issuer = issuer;
        this.token = token;
    }

    /** The key pair and admin token in {@code data/auth}, made if missing. */
    public static LocalAuth prepare(Path data, String issuer) throws IOException {
        Path dir = Files.createDirectories(data.resolve("auth"));
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        Path tokenFile = dir.resolve("admin-token");
        PrivateKey key;
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            key = readPrivateKey(privateFile);
        } else {
            KeyPair pair = generate();
            key = pair.getPrivate();
            writeOwnerOnly(privateFile, pem("PRIVATE KEY", key.getEncoded()));
            Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.deleteIfExists(tokenFile); // signed by the key just replaced
        }
        if (!Files.exists(tokenFile)) {
            writeOwnerOnly(tokenFile, sign(key, issuer) + "\n");
        }
        String token = Files.readString(tokenFile, StandardCharsets.US_ASCII).trim();
        return new LocalAuth(publicFile, tokenFile, issuer, token);
    }

    /** The PEM file of the public key ({@code AUTH_PUBLIC_KEY_LOCATION}). */
    public Path publicKey() {
        return publicKey;
    }

    /** The file holding the admin token. */
    public Path tokenFile() {
        return tokenFile;
    }

    public String issuer() {
        return issuer;
    }

    /** The admin token, for {@code Authorization: Bearer}. */
    public String adminToken() {
        return token;
    }

    static String sign(PrivateKey key, String issuer) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("local-admin");
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(TOKEN_YEARS * 365 * 24 * 3600);
        claims.setExpirationTime(expiry);
        claims.setStringListClaim("groups", List.of("admin"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the admin token", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException {
        String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not a PKCS#8 RSA private key in PEM: delete the auth folder to make a new key", e);
        }
    }

    /** Created owner-only (0600) before anything is written into it, where the file system has POSIX permissions. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** PEM by hand: the JDK has no PEM writer, and the format is Base64 in 64-character lines between two labels. */
    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
