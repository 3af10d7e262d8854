package org.clutch.accounts;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of access tokens: the one that signs them now (with its key id, the token header's {@code kid}) and the
 * public keys that verify them, read from the location MicroProfile JWT verifies with, so both agree. That location
 * holds a JWKS (every key with its {@code kid}: the current one and, while keys rotate, the previous one) or a single
 * PEM public key. A signing key missing from the verification keys is refused at start.
 */
public final class TokenKeys {

    private final Map<String, RSAPublicKey> verifying;
    /** A single PEM key has no id of its own: it verifies whatever id a token names, as MicroProfile JWT does. */
    private final boolean singlePem;
    private final RSAPrivateCrtKey signing;
    private final String signingKid;

    private TokenKeys(Map<String, RSAPublicKey> verifying, boolean singlePem, RSAPrivateCrtKey signing, String signingKid) {
        this.verifying = verifying;
        this.singlePem = singlePem;
        this.signing = signing;
        this.signingKid = signingKid;
    }

    /**
     * Reads the verification keys (JWKS or PEM) and the signing key (PEM, optional: a node may only verify); a single
     * PEM public key takes the signing key's id.
     */
    public static TokenKeys load(String verifyLocation, Optional<String> signingLocation, String signingKid) {
        try {
            String text = read(verifyLocation);
            Map<String, RSAPublicKey> verifying = new LinkedHashMap<>();
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            boolean jwks = text.strip().startsWith("{");
            if (jwks) {
                try (JsonReader reader = Json.createReader(new StringReader(text))) {
                    for (JsonObject jwk : reader.readObject().getJsonArray("keys").getValuesAs(JsonObject.class)) {
                        if ("RSA".equals(jwk.getString("kty", ""))) {
                            verifying.put(jwk.getString("kid", ""), (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(
                                    unsigned(jwk.getString("n")), unsigned(jwk.getString("e")))));
                        }
                    }
                }
            } else {
                verifying.put(signingKid, (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem(text))));
            }
            RSAPrivateCrtKey signing = signingLocation.isEmpty() ? null
                    : (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(read(signingLocation.get()))));
            TokenKeys keys = new TokenKeys(java.util.Collections.unmodifiableMap(verifying), !jwks, signing, signingKid);
            keys.requireSigningKeyVerifiable();
            return keys;
        } catch (GeneralSecurityException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("the token keys are not valid RSA keys (MP_JWT_VERIFY_PUBLICKEY_LOCATION, "
                    + "CLUTCH_JWT_SIGNING_KEY_LOCATION): " + e.getMessage(), e);
        }
    }

    /** Tokens signed now must verify everywhere: the signing key's public half is the verification key of its id. */
    private void requireSigningKeyVerifiable() {
        if (signing == null) {
            return;
        }
        RSAPublicKey published = verifying.get(signingKid);
        if (published == null || !published.getModulus().equals(signing.getModulus())
                || !published.getPublicExponent().equals(signing.getPublicExponent())) {
            throw new IllegalStateException("the token signing key (CLUTCH_JWT_SIGNING_KEY_LOCATION) is not among the "
                    + "verification keys under its id '" + signingKid + "' (CLUTCH_JWT_SIGNING_KEY_ID, "
                    + "MP_JWT_VERIFY_PUBLICKEY_LOCATION): publish its public key there first");
        }
    }

    public Optional<RSAPrivateCrtKey> signing() {
        return Optional.ofNullable(signing);
    }

    public String signingKid() {
        return signingKid;
    }

    /** The key a token's {@code kid} names (none for an unknown id); with no id named, or a single PEM key, every key. */
    public Collection<RSAPublicKey> verifying(String kid) {
        if (singlePem || kid == null) {
            return verifying.values();
        }
        RSAPublicKey key = verifying.get(kid);
        return key == null ? java.util.List.of() : java.util.List.of(key);
    }

    /** The public keys as a JSON Web Key Set, for clients and other services that check our tokens. */
    public JsonObject jwks() {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        verifying.forEach((kid, key) -> keys.add(Json.createObjectBuilder().add("kty", "RSA").add("kid", kid).add("use", "sig")
                .add("alg", "RS256").add("n", base64url(key.getModulus())).add("e", base64url(key.getPublicExponent()))));
        return Json.createObjectBuilder().add("keys", keys).build();
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    /** A key file from the class path (a leading slash or none), a file path, or a URL. */
    private static String read(String location) {
        try (InputStream in = open(location)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key " + location, e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.contains(":")) {
            return URI.create(location).toURL().openStream();
        }
        InputStream resource = TokenKeys.class.getResourceAsStream(location.startsWith("/") ? location : "/" + location);
        return resource != null ? resource : Files.newInputStream(Path.of(location));
    }
}
