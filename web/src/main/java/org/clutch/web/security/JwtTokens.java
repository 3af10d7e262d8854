package org.clutch.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies RS256 JSON Web Tokens with the keys MicroProfile JWT is configured with, so that a token
 * this class issues is accepted by the REST API, and a WebSocket handshake (which cannot use the REST security
 * layer) is checked against exactly the same key and issuer.
 */
@ApplicationScoped
public class JwtTokens {

    /** Looked up once: Json.createX would search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** What a verified token says about its holder. */
    public record Verified(String subject, String username, java.util.Set<String> groups, UUID customerId, UUID shopId) {
    }

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    @Inject
    @ConfigProperty(name = "clutch.jwt.signing-key.location")
    Optional<String> signingKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "clutch.jwt.token-lifetime", defaultValue = "PT8H")
    Duration lifetime;

    @Inject
    Clock clock;

    private PublicKey publicKey;
    private PrivateKey privateKey;

    @PostConstruct
    void loadKeys() {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            publicKey = rsa.generatePublic(new X509EncodedKeySpec(pem(publicKeyLocation)));
            if (signingKeyLocation.isPresent()) {
                privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(signingKeyLocation.get())));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JWT keys are not valid RSA keys", e);
        }
    }

    /** Signs a token for the holder; the private claims bind it to one customer or one shop. */
    public String issue(String subject, String username, String group, UUID customerId, UUID shopId) {
        if (privateKey == null) {
            throw new IllegalStateException("no signing key configured (clutch.jwt.signing-key.location)");
        }
        long now = clock.instant().getEpochSecond();
        JsonObjectBuilder claims = JSON.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("upn", username)
                .add("groups", JSON.createArrayBuilder().add(group))
                .add("iat", now)
                .add("exp", now + lifetime.toSeconds())
                .add("jti", UUID.randomUUID().toString());
        if (customerId != null) {
            claims.add(Claims.CUSTOMER_ID, customerId.toString());
        }
        if (shopId != null) {
            claims.add(Claims.SHOP_ID, shopId.toString());
        }
        String signingInput = base64(JSON.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString())
                + "." + base64(claims.build().toString());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    public long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    /** Verifies signature, issuer and expiry; empty for any token that is not ours or no longer valid. */
    public Optional<Verified> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonObject header = json(parts[0]);
            if (!"RS256".equals(header.getString("alg", ""))) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(publicKey);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            JsonObject claims = json(parts[1]);
            if (!issuer.equals(claims.getString("iss", "")) || claims.getJsonNumber("exp").longValue() <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            var groups = claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).collect(java.util.stream.Collectors.toUnmodifiableSet());
            return Optional.of(new Verified(claims.getString("sub"), claims.getString("upn", null), groups,
                    optionalUuid(claims, Claims.CUSTOMER_ID), optionalUuid(claims, Claims.SHOP_ID)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static UUID optionalUuid(JsonObject claims, String name) {
        return claims.containsKey(name) ? UUID.fromString(claims.getString(name)) : null;
    }

    private static JsonObject json(String base64) {
        try (JsonReader reader = JSON.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a PEM key from the class path (a leading slash) or from a file path or URL. */
    private static byte[] pem(String location) {
        try (InputStream in = open(location)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key " + location, e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.contains(":")) {
            return URI.create(location).toURL().openStream();
        }
        InputStream resource = JwtTokens.class.getResourceAsStream(location.startsWith("/") ? location : "/" + location);
        return resource != null ? resource : Files.newInputStream(Path.of(location));
    }
}
