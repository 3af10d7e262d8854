package org.clutch.accounts;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenKeysTest {

    @TempDir
    Path dir;

    @Test
    void theBundledKeysAgreeAndArePublishedUnderTheirId() {
        TokenKeys keys = TokenKeys.load("META-INF/dev-jwt/jwks.json", Optional.of("META-INF/dev-jwt/private.pem"), "dev-1");
        assertEquals("dev-1", keys.signingKid());
        JsonObject jwks = keys.jwks();
        assertEquals("dev-1", jwks.getJsonArray("keys").getJsonObject(0).getString("kid"));
        assertEquals(1, keys.verifying("dev-1").size());
        assertEquals(0, keys.verifying("someone-else").size(), "an id not published names no key");
    }

    @Test
    void aJwksOfTwoKeysRoundTripsAndEachIdNamesItsOwnKey() throws Exception {
        KeyPair current = rsa();
        KeyPair previous = rsa();
        Path both = dir.resolve("both.json");
        Files.writeString(both, "{\"keys\":[" + jwk("2027-01", current) + "," + jwk("2026-07", previous) + "]}");
        Path signing = pem(dir.resolve("current.pem"), "PRIVATE KEY", current.getPrivate().getEncoded());
        TokenKeys keys = TokenKeys.load(both.toString(), Optional.of(signing.toString()), "2027-01");
        assertEquals(current.getPublic(), keys.verifying("2027-01").iterator().next());
        assertEquals(previous.getPublic(), keys.verifying("2026-07").iterator().next());
        assertEquals(2, keys.verifying(null).size(), "a token naming no key may be tried against each");

        Path republished = dir.resolve("republished.json");
        Files.writeString(republished, keys.jwks().toString());
        TokenKeys again = TokenKeys.load(republished.toUri().toString(), Optional.empty(), "2027-01");
        assertEquals(previous.getPublic(), again.verifying("2026-07").iterator().next(), "what we publish reads back as the same keys");

        Path afterRotation = dir.resolve("after.json");
        Files.writeString(afterRotation, "{\"keys\":[" + jwk("2027-01", current) + "]}");
        TokenKeys rotated = TokenKeys.load(afterRotation.toString(), Optional.of(signing.toString()), "2027-01");
        assertTrue(rotated.verifying("2026-07").isEmpty(), "once the previous key is taken out, its tokens find no key");
    }

    @Test
    void aSigningKeyThatIsNotPublishedUnderItsIdStopsTheStart() throws Exception {
        KeyPair current = rsa();
        KeyPair other = rsa();
        Path published = dir.resolve("published.json");
        Files.writeString(published, "{\"keys\":[" + jwk("2027-01", other) + "]}");
        Path signing = pem(dir.resolve("current.pem"), "PRIVATE KEY", current.getPrivate().getEncoded());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TokenKeys.load(published.toString(), Optional.of(signing.toString()), "2027-01"));
        assertTrue(refused.getMessage().contains("CLUTCH_JWT_SIGNING_KEY_ID"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> TokenKeys.load(published.toString(), Optional.of(signing.toString()), "2026-07"),
                "an id that is not published at all");
    }

    @Test
    void aSinglePemKeyVerifiesWhateverIdATokenNames() throws Exception {
        KeyPair only = rsa();
        Path pub = pem(dir.resolve("public.pem"), "PUBLIC KEY", only.getPublic().getEncoded());
        TokenKeys keys = TokenKeys.load(pub.toString(), Optional.empty(), "main");
        assertEquals(only.getPublic(), keys.verifying("anything").iterator().next());
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String jwk(String kid, KeyPair pair) {
        var key = (java.security.interfaces.RSAPublicKey) pair.getPublic();
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + unsigned(key.getModulus()) + "\",\"e\":\""
                + unsigned(key.getPublicExponent()) + "\"}";
    }

    private static String unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n");
    }
}
