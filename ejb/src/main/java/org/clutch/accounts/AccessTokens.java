package org.clutch.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import org.clutch.platform.Actor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies short-lived RS256 access tokens (JSON Web Tokens) with the keys MicroProfile JWT is
 * configured with ({@link TokenKeys}), so that a token issued here is accepted by the REST API, and a WebSocket
 * handshake (which cannot use the REST security layer) is checked against exactly the same keys and issuer.
 */
@ApplicationScoped
public class AccessTokens {

    /** Looked up once: Json.createX would search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    @Inject
    @ConfigProperty(name = "clutch.jwt.signing-key.location")
    Optional<String> signingKeyLocation;

    @Inject
    @ConfigProperty(name = "clutch.jwt.signing-key.id")
    String signingKeyId;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "clutch.jwt.token-lifetime", defaultValue = "PT15M")
    Duration lifetime;

    @Inject
    Clock clock;

    private TokenKeys keys;

    @PostConstruct
    void loadKeys() {
        keys = TokenKeys.load(publicKeyLocation, signingKeyLocation, signingKeyId);
    }

    /** Reads the keys as the application starts, so that a signing key nobody can verify stops the deployment. */
    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        keys.signingKid();
    }

    /** The public keys that verify tokens, as a JSON Web Key Set. */
    public JsonObject publicKeys() {
        return keys.jwks();
    }

    /** Signs an access token for the actor: its role (as MP-JWT groups) and bindings, valid for the configured lifetime. */
    public String issue(Actor actor, String email) {
        return sign(actor, email, null);
    }

    /**
     * As above for a partner system's API key: the token always carries the key's OAuth scopes (space-separated in the
     * {@code scope} claim), which is what marks it as a key's token, bound to those scopes.
     */
    public String issueForKey(Actor actor, String keyName, java.util.List<String> scopes) {
        return sign(actor, keyName, String.join(" ", scopes));
    }

    private String sign(Actor actor, String email, String scopes) {
        PrivateKey privateKey = keys.signing().orElseThrow(
                () -> new IllegalStateException("no signing key configured (clutch.jwt.signing-key.location)"));
        long now = clock.instant().getEpochSecond();
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        actor.role().granted().forEach(r -> groups.add(r.name()));
        JsonObjectBuilder claims = JSON.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", actor.userId().toString())
                .add("upn", email)
                .add("groups", groups)
                .add("iat", now)
                .add("exp", now + lifetime.toSeconds())
                .add("jti", UUID.randomUUID().toString())
                .add(Claims.ROLE, actor.role().name());
        if (scopes != null) {
            claims.add(Claims.SCOPE, scopes);
        }
        addIfPresent(claims, Claims.SESSION_ID, actor.sessionId());
        addIfPresent(claims, Claims.TENANT_ID, actor.tenantId());
        addIfPresent(claims, Claims.SHOP_ID, actor.shopId());
        addIfPresent(claims, Claims.CUSTOMER_ID, actor.customerId());
        String signingInput = base64(JSON.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", keys.signingKid())
                .build().toString())
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

    private static void addIfPresent(JsonObjectBuilder claims, String name, UUID value) {
        if (value != null) {
            claims.add(name, value.toString());
        }
    }

    public long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    /** Verifies signature, issuer and expiry; empty for any token that is not ours or no longer valid. */
    public Optional<Actor> verify(String token) {
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
            if (!verified(header.getString("kid", null), parts)) {
                return Optional.empty();
            }
            JsonObject claims = json(parts[1]);
            if (!issuer.equals(claims.getString("iss", "")) || claims.getJsonNumber("exp").longValue() <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(Claims.actor(claims.getString("sub"), name -> claims.getString(name, null)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the signature is that of the key the header names (or, naming none, of any key we verify with). */
    private boolean verified(String kid, String[] parts) throws GeneralSecurityException {
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signatureBytes = Base64.getUrlDecoder().decode(parts[2]);
        for (PublicKey key : keys.verifying(kid)) {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(signed);
            if (signature.verify(signatureBytes)) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject json(String base64) {
        try (JsonReader reader = JSON.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
