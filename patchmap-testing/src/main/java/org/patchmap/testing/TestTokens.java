package org.patchmap.testing;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Real RS256 bearer tokens for the services' tests. The key pair is made once per JVM in a temporary
 * folder named by the system property {@value #DIR_PROPERTY}: a Quarkus test resource and the test
 * classes run in different class loaders, and the files are what they share. The service verifies
 * with {@link #publicKeyPem()}; {@link #foreign} signs with a key it does not know.
 */
public final class TestTokens {
    /** The issuer the services expect by default ({@code AUTH_ISSUER}). */
    public static final String ISSUER = "patchmap-local";
    public static final String ADMIN = "admin";
    public static final String USER = "user";

    // outside the "patchmap." prefix: a service's config mapping of that prefix refuses names it does not know
    static final String DIR_PROPERTY = "test-tokens.dir";
    private static final String PUBLIC = "public.pem";
    private static final String PRIVATE = "private.pem";

    private TestTokens() {
    }

    /** A token of the issuer with role admin. */
    public static String admin() {
        return withRoles(ADMIN);
    }

    /** A token of the issuer with exactly these roles (claim {@code groups}), valid for an hour. */
    public static String withRoles(String... roles) {
        return sign(privateKey(), ISSUER, roles);
    }

    /** A token with these roles signed by a key the services do not trust. */
    public static String foreign(String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(generator.generateKeyPair().getPrivate(), ISSUER, roles);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM file of the public key, for {@code mp.jwt.verify.publickey.location}. */
    public static String publicKeyLocation() {
        return directory().resolve(PUBLIC).toString();
    }

    /**
     * The public key in PEM, for {@code mp.jwt.verify.publickey}: in test mode Quarkus sets that property to a key
     * of its own when no key is configured at build time, and it takes precedence over a location.
     */
    public static String publicKeyPem() {
        try {
            return Files.readString(directory().resolve(PUBLIC), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sign(PrivateKey key, String issuer, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("test-" + String.join("-", roles));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", List.of(roles));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try {
            String pem = Files.readString(directory().resolve(PRIVATE), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder of the key pair, made on first use; system properties are the JVM's, not a class loader's. */
    private static Path directory() {
        synchronized (System.getProperties()) {
            String dir = System.getProperty(DIR_PROPERTY);
            if (dir != null) {
                return Path.of(dir);
            }
            try {
                Path made = Files.createTempDirectory("patchmap-test-auth");
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(made.resolve(PRIVATE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(made.resolve(PUBLIC), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                System.setProperty(DIR_PROPERTY, made.toString());
                return made;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
