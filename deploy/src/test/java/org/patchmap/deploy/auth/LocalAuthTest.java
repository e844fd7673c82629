package org.patchmap.deploy.auth;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local stack's key pair and admin token: made once, owner-only, verifiable with the public key. */
class LocalAuthTest {
    @TempDir
    Path data;

    @Test
    void theAdminTokenIsSignedByThePublicKeysPairAndCarriesRoleAdminForYears() throws Exception {
        LocalAuth auth = LocalAuth.prepare(data, "patchmap-local");

        assertEquals(data.resolve("auth/public.pem"), auth.publicKey());
        assertEquals(data.resolve("auth/admin-token"), auth.tokenFile());
        JwtClaims claims = consumer(auth.publicKey(), "patchmap-local").processToClaims(auth.adminToken());
        assertEquals(List.of("admin"), claims.getStringListClaimValue("groups"));
        assertEquals("local-admin", claims.getSubject());
        long lifeSeconds = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(LocalAuth.TOKEN_YEARS * 365 * 24 * 3600, lifeSeconds);
        // another issuer's services refuse it
        assertThrows(InvalidJwtException.class,
                () -> consumer(auth.publicKey(), "elsewhere").processToClaims(auth.adminToken()));
    }

    @Test
    void thePrivateKeyAndTokenAreOwnerOnly() throws Exception {
        LocalAuth auth = LocalAuth.prepare(data, "patchmap-local");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("auth/private.pem"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(auth.tokenFile())));
    }

    @Test
    void aSecondStartKeepsTheKeyAndTheToken() throws Exception {
        LocalAuth first = LocalAuth.prepare(data, "patchmap-local");
        String publicPem = Files.readString(first.publicKey());
        LocalAuth second = LocalAuth.prepare(data, "patchmap-local");
        assertEquals(first.adminToken(), second.adminToken());
        assertEquals(publicPem, Files.readString(second.publicKey()));

        // without its token file, a new token of the same key
        Files.delete(second.tokenFile());
        LocalAuth third = LocalAuth.prepare(data, "patchmap-local");
        assertNotEquals(first.adminToken(), third.adminToken());
        assertTrue(consumer(third.publicKey(), "patchmap-local").processToClaims(third.adminToken()).hasClaim("groups"));
    }

    private static JwtConsumer consumer(Path publicPem, String issuer) throws Exception {
        String base64 = Files.readString(publicPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(issuer)
                .setRequireExpirationTime().setRequireIssuedAt().build();
    }
}
