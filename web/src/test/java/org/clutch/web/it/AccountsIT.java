package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts against the WAR on Payara Micro and PostgreSQL: login, refresh rotation and theft detection, logout,
 * sessions, lockout, forged and expired tokens, role escalation, registration, the audit log, and row-level
 * security as the second wall. The cross-tenant probe lives in {@link TenantIsolationProbe}, run from here so
 * that one deployment serves both.
 */
class AccountsIT extends DeployedApplication {

    private JsonObject login(String email) {
        Api.Reply reply = api.login(email, Fixtures.PASSWORD);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private Api.Reply refresh(String refreshToken) {
        return api.post("api/v1/auth/refresh", null, Json.createObjectBuilder().add("refreshToken", refreshToken).build());
    }

    // ---- login, refresh, logout, sessions -------------------------------------------------------------------

    @Test
    void authenticatedAnswersAreNeverCachedAndHttpsIsKeptToBehindTheProxy() {
        var customer = fixtures.customer("Akinyi");
        String token = login(customer.email()).getString("accessToken");

        Api.Raw mine = api.sendFrom("127.0.0.1", "GET", "api/v1/account", java.util.Map.of("Authorization", "Bearer " + token), null);
        assertEquals(200, mine.status());
        assertEquals("no-store", mine.header("cache-control", null), "a shared cache or the device keeps nobody's data");
        assertEquals("nosniff", mine.header("x-content-type-options", null));
        assertEquals(null, mine.header("strict-transport-security", null), "not over plain HTTP");

        Api.Raw overTls = api.sendFrom("127.0.0.1", "GET", "api/v1/account",
                java.util.Map.of("Authorization", "Bearer " + token, "X-Forwarded-Proto", "https"), null);
        assertEquals("max-age=31536000; includeSubDomains", overTls.header("strict-transport-security", null));

        Api.Raw refused = api.sendFrom("127.0.0.1", "GET", "api/v1/account", java.util.Map.of("Authorization", "Bearer nonsense"), null);
        assertEquals(401, refused.status());
        assertEquals("no-store", refused.header("cache-control", null), "errors too");
    }

    @Test
    void loginGivesAShortLivedAccessTokenAndTheAccountItBelongsTo() {
        var customer = fixtures.customer("Wanjiru");
        JsonObject tokens = login(customer.email().toUpperCase());  // e-mail is not case-sensitive
        assertTrue(tokens.getJsonNumber("expiresIn").longValue() <= 900, "access tokens live at most 15 minutes");
        assertNotNull(tokens.getString("refreshToken"));

        JsonObject me = api.get("api/v1/account", tokens.getString("accessToken")).json();
        assertEquals(customer.email(), me.getString("email"));
        assertEquals("CUSTOMER", me.getString("role"));
        assertEquals(customer.customerId().toString(), me.getString("customerId"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'LOGIN_SUCCEEDED' AND actor_user_id = ?",
                UUID.fromString(me.getString("id"))));
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        var customer = fixtures.customer("Otieno");
        Api.Reply wrong = api.loginFrom("127.0.0.21", customer.email(), "not-the-password-at-all");
        Api.Reply unknown = api.loginFrom("127.0.0.21", "nobody-" + UUID.randomUUID() + "@test.example", "not-the-password-at-all");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
        assertTrue(wrong.contentType().startsWith("application/problem+json"));
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenEndsTheSession() {
        var staff = fixtures.activeShop("Rotation Spares", -1.27, 36.81, 10, "TOYOTA");
        JsonObject first = login(staff.email());

        Api.Reply rotated = refresh(first.getString("refreshToken"));
        assertEquals(200, rotated.status(), rotated.toString());
        String second = rotated.json().getString("refreshToken");
        assertNotEquals(first.getString("refreshToken"), second);
        assertEquals(first.getString("sessionId"), rotated.json().getString("sessionId"), "same session, new tokens");
        String access = rotated.json().getString("accessToken");
        assertEquals(200, api.get("api/v1/shop/requests", access).status());

        // Someone replays the first refresh token: refused, and the whole session ends for both holders.
        assertEquals(401, refresh(first.getString("refreshToken")).status());
        assertEquals(401, refresh(second).status(), "the legitimate holder's newer token dies with the session");
        Api.Reply afterTheft = api.get("api/v1/shop/requests", access);
        assertEquals(401, afterTheft.status(), "access tokens of an ended session stop at once");
        assertTrue(afterTheft.body().contains("session-ended"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'REFRESH_TOKEN_REUSED' AND target_id = ?",
                UUID.fromString(first.getString("sessionId"))));
    }

    @Test
    void logoutEndsOneSessionLogoutAllEndsEveryOneAndSessionsCanBeListedAndRevoked() {
        var customer = fixtures.customer("Njeri");
        JsonObject phone = login(customer.email());
        JsonObject tablet = login(customer.email());
        JsonObject laptop = login(customer.email());
        String phoneToken = phone.getString("accessToken");

        var sessions = api.get("api/v1/account/sessions", phoneToken).body();
        assertTrue(sessions.contains(tablet.getString("sessionId")) && sessions.contains(laptop.getString("sessionId")));

        assertEquals(204, api.delete("api/v1/account/sessions/" + tablet.getString("sessionId"), phoneToken).status());
        assertEquals(401, api.get("api/v1/account", tablet.getString("accessToken")).status(), "the revoked device is out");
        assertEquals(401, refresh(tablet.getString("refreshToken")).status());

        assertEquals(204, api.post("api/v1/auth/logout", laptop.getString("accessToken"), null).status());
        assertEquals(401, api.get("api/v1/account", laptop.getString("accessToken")).status());
        assertEquals(200, api.get("api/v1/account", phoneToken).status(), "other sessions go on");

        JsonObject again = login(customer.email());
        assertEquals(204, api.post("api/v1/auth/logout-all", phoneToken, null).status());
        assertEquals(401, api.get("api/v1/account", phoneToken).status());
        assertEquals(401, api.get("api/v1/account", again.getString("accessToken")).status());
        assertEquals(401, refresh(again.getString("refreshToken")).status());
    }

    @Test
    void someoneElsesSessionCannotBeRevoked() {
        JsonObject mine = login(fixtures.customer("Akinyi").email());
        JsonObject theirs = login(fixtures.customer("Baraka").email());
        assertEquals(404, api.delete("api/v1/account/sessions/" + theirs.getString("sessionId"), mine.getString("accessToken")).status());
        assertEquals(200, api.get("api/v1/account", theirs.getString("accessToken")).status(), "their session is untouched");
    }

    // ---- brute force ------------------------------------------------------------------------------------------

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhileEvenAgainstTheRightPassword() {
        var staff = fixtures.activeShop("Lockout Motors", -1.27, 36.81, 10, "TOYOTA");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.loginFrom("127.0.0.22", staff.email(), "wrong-guess-number-" + i).status());
        }
        Api.Reply locked = api.loginFrom("127.0.0.22", staff.email(), Fixtures.PASSWORD);
        assertEquals(429, locked.status(), locked.toString());
        assertNotNull(locked.retryAfter(), "says when to try again");
        assertTrue(Integer.parseInt(locked.retryAfter()) > 0);
        assertEquals(429, api.loginFrom("127.0.0.23", staff.email(), Fixtures.PASSWORD).status(), "locked from every address");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event e JOIN user_account a ON a.id = e.actor_user_id "
                + "WHERE e.action = 'LOGIN_LOCKED' AND a.email = ?", staff.email()));
        assertEquals(200, api.loginFrom("127.0.0.22", fixtures.customer("Unrelated").email(), Fixtures.PASSWORD).status(),
                "other accounts are unaffected");
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedOut() {
        String address = "127.0.0.24";
        for (int i = 0; i < 20; i++) {
            assertEquals(401, api.loginFrom(address, "guess-" + i + "-" + UUID.randomUUID() + "@test.example", "some-password-guess").status());
        }
        var customer = fixtures.customer("Innocent");
        assertEquals(429, api.loginFrom(address, customer.email(), Fixtures.PASSWORD).status());
        assertEquals(200, api.loginFrom("127.0.0.25", customer.email(), Fixtures.PASSWORD).status(), "from elsewhere it works");
    }

    // ---- forged, expired, escalated -------------------------------------------------------------------------

    @Test
    void forgedTamperedAndExpiredTokensAreRefused() throws Exception {
        var customer = fixtures.customer("Mutua");
        String valid = login(customer.email()).getString("accessToken");
        String[] parts = valid.split("\\.");
        JsonObject claims = json(parts[1]);

        // The payload claims platform admin, the signature is the original one.
        String escalated = parts[0] + "." + base64(with(claims, "groups", "[\"PLATFORM_ADMIN\"]", "role", "\"PLATFORM_ADMIN\"")) + "." + parts[2];
        assertEquals(401, api.get("api/v1/audit-events", escalated).status());
        // No signature at all.
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertEquals(401, api.get("api/v1/account", unsigned).status());
        // Signed, but by a key that is not the platform's.
        var stranger = KeyPairGenerator.getInstance("RSA");
        stranger.initialize(2048);
        assertEquals(401, api.get("api/v1/account", sign(parts[0] + "." + parts[1], stranger.generateKeyPair().getPrivate())).status());
        // Signed with the real key but expired a minute ago.
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        String expired = sign(parts[0] + "." + base64(with(claims, "exp", String.valueOf(past), "iat", String.valueOf(past - 900))),
                developmentSigningKey());
        assertEquals(401, api.get("api/v1/account", expired).status());
        // The same re-signing with a live expiry is accepted: the refusals above are about the tampering.
        long future = Instant.now().plusSeconds(300).getEpochSecond();
        assertEquals(200, api.get("api/v1/account", sign(parts[0] + "." + base64(with(claims, "exp", String.valueOf(future))),
                developmentSigningKey())).status());
    }

    @Test
    void whileKeysRotateTokensOfThePreviousKeyStillWorkAndUnknownKeysDoNot() throws Exception {
        String valid = login(fixtures.customer("Rotation Owner").email()).getString("accessToken");
        String[] parts = valid.split("\\.");
        assertEquals("dev-1", json(parts[0]).getString("kid"), "a token names the key that signed it");
        JsonObject published = api.get("api/v1/auth/jwks", null).json();
        assertEquals(List.of("dev-1", "it-previous"), published.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(k -> k.getString("kid")).toList(), "the current and the previous key are published");
        assertTrue(published.getJsonArray("keys").getValuesAs(JsonObject.class).stream().noneMatch(k -> k.containsKey("d")),
                "public halves only");

        String previousHeader = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"it-previous\"}");
        PrivateKey previous = privateKey("/it-jwt/previous-private.pem");
        assertEquals(200, api.get("api/v1/account", sign(previousHeader + "." + parts[1], previous)).status(),
                "a token the previous key signed is accepted during the overlap");
        var stranger = KeyPairGenerator.getInstance("RSA");
        stranger.initialize(2048);
        PrivateKey unknown = stranger.generateKeyPair().getPrivate();
        assertEquals(401, api.get("api/v1/account", sign(previousHeader + "." + parts[1], unknown)).status(),
                "another key under the previous key's id");
        String retiredHeader = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"retired-2025\"}");
        assertEquals(401, api.get("api/v1/account", sign(retiredHeader + "." + parts[1], unknown)).status(),
                "a key no longer published (or never) is refused");
        assertEquals(401, api.get("api/v1/account", sign(parts[0] + "." + parts[1], previous)).status(),
                "the previous key's signature under the current key's id");
    }

    @Test
    void rolesCannotReachWhatTheyAreNotFor() {
        String customer = login(fixtures.customer("Kiptoo").email()).getString("accessToken");
        String staff = login(fixtures.activeShop("Role Spares", -1.27, 36.81, 10, "TOYOTA").email()).getString("accessToken");
        assertEquals(403, api.get("api/v1/audit-events", customer).status());
        assertEquals(403, api.get("api/v1/audit-events", staff).status());
        assertEquals(403, api.get("api/v1/shop/requests", customer).status());
        assertEquals(403, api.get("api/v1/parts-requests", staff).status());
        assertEquals(401, api.get("api/v1/account", null).status());
    }

    // ---- registration ----------------------------------------------------------------------------------------

    @Test
    void aCarOwnerRegistersAndLogsIn() {
        String email = "new-owner-" + UUID.randomUUID() + "@test.example";
        JsonObject body = Json.createObjectBuilder().add("email", email).add("password", "a long passphrase for parts")
                .add("displayName", "New Owner").build();
        Api.Reply created = api.post("api/v1/customers", null, body);
        assertEquals(201, created.status(), created.toString());
        assertEquals("CUSTOMER", created.json().getString("role"));
        assertFalse(created.body().contains("passphrase"), "the password never comes back");

        assertEquals(409, api.post("api/v1/customers", null, body).status(), "one account per e-mail");
        Api.Reply loggedIn = api.login(email, "a long passphrase for parts");
        assertEquals(200, loggedIn.status());
        assertEquals(200, api.get("api/v1/parts-requests", loggedIn.json().getString("accessToken")).status());
    }

    @Test
    void weakPasswordsAndBadRegistrationsAreRefusedWithFieldErrorsAndCreateNothing() {
        String email = "weak-" + UUID.randomUUID() + "@test.example";
        long before = Fixtures.count("SELECT count(*) FROM user_account");
        for (String weak : List.of("short", "password1234", "aaaaaaaaaaaaaaaa")) {
            Api.Reply refused = api.post("api/v1/customers", null, Json.createObjectBuilder().add("email", email)
                    .add("password", weak).add("displayName", "Weak").build());
            assertEquals(400, refused.status(), weak);
            assertEquals(List.of("password"), refused.fieldErrors(), weak);
        }
        Api.Reply invalid = api.post("api/v1/customers", null, Json.createObjectBuilder().add("email", "not-an-email")
                .add("password", "a long passphrase for parts").add("displayName", " ").build());
        assertEquals(400, invalid.status());
        assertEquals(List.of("displayName", "email"), invalid.fieldErrors());
        assertEquals(before, Fixtures.count("SELECT count(*) FROM user_account"));
    }

    // ---- audit log -------------------------------------------------------------------------------------------

    @Test
    void aTenantAdminReadsItsOwnTenantsAuditLogOnlyAndAPlatformAdminReadsAll() {
        Fixtures other = new Fixtures();
        var ownStaff = fixtures.activeShop("Audit Own", -1.27, 36.81, 10, "TOYOTA");
        var otherStaff = other.activeShop("Audit Other", -1.27, 36.81, 10, "TOYOTA");
        login(ownStaff.email());
        login(otherStaff.email());

        String admin = login(fixtures.tenantAdmin("Owner")).getString("accessToken");
        Api.Reply own = api.get("api/v1/audit-events?action=LOGIN_SUCCEEDED", admin);
        assertEquals(200, own.status(), own.toString());
        assertTrue(own.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .allMatch(e -> e.getString("tenantId").equals(fixtures.tenantId().toString())), own.body());
        assertTrue(own.json().getInt("total") >= 2, "its staff's login and its own");
        Api.Reply foreignFilter = api.get("api/v1/audit-events?tenantId=" + other.tenantId(), admin);
        assertFalse(foreignFilter.body().contains(other.tenantId().toString()), "a tenant filter cannot reach another tenant");

        String root = api.token(IntegrationServices.PLATFORM_ADMIN);
        Api.Reply all = api.get("api/v1/audit-events?action=LOGIN_SUCCEEDED&tenantId=" + other.tenantId(), root);
        assertEquals(200, all.status());
        assertTrue(all.json().getInt("total") >= 1 && all.body().contains(other.tenantId().toString()));

        Api.Reply badFilter = api.get("api/v1/audit-events?action=NOT_AN_ACTION&from=yesterday", admin);
        assertEquals(400, badFilter.status());
        assertEquals(List.of("action", "from"), badFilter.fieldErrors());
    }

    // ---- row-level security ----------------------------------------------------------------------------------

    @Test
    void rowLevelSecurityShowsEachTenantOnlyItsOwnRowsEvenToARawQuery() throws SQLException {
        Fixtures other = new Fixtures();
        var mine = fixtures.activeShop("RLS Mine", -1.27, 36.81, 10, "TOYOTA");
        var theirs = other.activeShop("RLS Theirs", -1.27, 36.81, 10, "TOYOTA");
        try (Connection c = Fixtures.connectUnscoped(); var s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT count(*) FROM shop")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no scope stated: no tenant's rows at all");
            }
            c.setAutoCommit(false);
            s.execute("SELECT set_config('clutch.tenant_id', '" + fixtures.tenantId() + "', true)");
            try (var rs = s.executeQuery("SELECT id FROM shop")) {
                List<UUID> visible = new ArrayList<>();
                while (rs.next()) {
                    visible.add(rs.getObject(1, UUID.class));
                }
                assertEquals(List.of(mine.shopId()), visible);
                assertFalse(visible.contains(theirs.shopId()));
            }
            SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO shop (id, tenant_id, name, status, latitude, longitude, address, service_radius_km) VALUES ('"
                            + UUID.randomUUID() + "', '" + other.tenantId() + "', 'Planted', 'ACTIVE', 0, 0, 'x', 1)"));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            c.rollback();
        }
    }

    @Test
    void noEndpointLeaksAnotherTenantsData() throws Exception {
        new TenantIsolationProbe(api, deployment).run();
    }

    // ---- token helpers ---------------------------------------------------------------------------------------

    private static JsonObject json(String base64) {
        try (var reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** The claims with some replaced by raw JSON values. */
    private static String with(JsonObject claims, String... nameThenRawJson) {
        var builder = Json.createObjectBuilder(claims);
        for (int i = 0; i < nameThenRawJson.length; i += 2) {
            try (var reader = Json.createReader(new StringReader("{\"v\":" + nameThenRawJson[i + 1] + "}"))) {
                builder.add(nameThenRawJson[i], reader.readObject().get("v"));
            }
        }
        return builder.build().toString();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String signingInput, PrivateKey key) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    /** The development signing key the test deployment uses (bundled in the ejb jar). */
    private static PrivateKey developmentSigningKey() throws Exception {
        return privateKey("/META-INF/dev-jwt/private.pem");
    }

    private static PrivateKey privateKey(String resource) throws Exception {
        try (InputStream in = AccountsIT.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " not on the test class path");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").strip();
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        }
    }

    // ---- second factor --------------------------------------------------------------------------------------------

    private Api.Reply secondFactor(String challenge, String code) {
        return api.post("api/v1/auth/login/second-factor", null, Json.createObjectBuilder().add("challenge", challenge).add("code", code).build());
    }

    @Test
    void secretsSealedUnderThePreviousSecondFactorKeyStillWorkAndAreSealedAgainUnderTheCurrentOne() throws Exception {
        var staff = fixtures.activeShop("Rotation Spares", -1.27, 36.81, 10, "TOYOTA");
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        Fixtures.sql("UPDATE user_account SET mfa_secret = ?, mfa_enabled_at = now() WHERE email = ?",
                seal(secret, IntegrationServices.PREVIOUS_MFA_KEY), staff.email());
        Authenticator phone = new Authenticator(secret);
        JsonObject due = login(staff.email());
        Api.Reply before = secondFactor(due.getString("challenge"), phone.code(0));
        assertEquals(200, before.status(), "the previous key still reads its secrets during the rotation: " + before);

        String admin = api.token(IntegrationServices.PLATFORM_ADMIN);
        Api.Reply rotated = api.post("api/v1/platform/mfa-key-rotation", admin, null);
        assertEquals(200, rotated.status(), rotated.toString());
        assertEquals(1, rotated.json().getInt("resealed"), "the one secret under the previous key: " + rotated);
        String stored = Fixtures.text("SELECT mfa_secret FROM user_account WHERE email = ?", staff.email());
        assertEquals(secret, open(stored, currentMfaKey()), "sealed again under the current key");
        assertEquals(null, open(stored, IntegrationServices.PREVIOUS_MFA_KEY), "and no longer under the previous one");
        assertEquals(0, api.post("api/v1/platform/mfa-key-rotation", admin, null).json().getInt("resealed"), "nothing left to do");
        assertEquals(403, api.post("api/v1/platform/mfa-key-rotation", api.token(fixtures.tenantAdmin("Not Platform")), null).status());

        JsonObject again = login(staff.email());
        assertEquals(200, secondFactor(again.getString("challenge"), phone.code(1)).status(), "the second factor works as before");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'MFA_KEY_ROTATED' "
                + "AND detail LIKE '%under the current key: 1;%'"), "the rotation is in the audit log");
    }

    /** AES-256-GCM as the server stores a secret ("v1:" + Base64(IV + ciphertext + tag)), written apart from its code. */
    private static String seal(String secret, String base64Key) throws Exception {
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
        byte[] all = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, all, 0, iv.length);
        System.arraycopy(sealed, 0, all, iv.length, sealed.length);
        return "v1:" + Base64.getEncoder().encodeToString(all);
    }

    /** The secret, or null when the key did not seal it. */
    private static String open(String stored, String base64Key) throws Exception {
        byte[] all = Base64.getDecoder().decode(stored.substring("v1:".length()));
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, all, 0, 12));
        try {
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.US_ASCII);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
        }
    }

    /** The second-factor key the test deployment runs with: the development one shipped in the ejb jar. */
    private static String currentMfaKey() throws Exception {
        java.util.Properties shipped = new java.util.Properties();
        try (InputStream in = AccountsIT.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shipped.load(in);
        }
        return shipped.getProperty("clutch.mfa.encryption-key");
    }

    @Test
    void aTenantThatRequiresASecondFactorMakesItsStaffEnrolAtLoginAndThenAsksForACode() {
        var staff = fixtures.activeShop("Second Factor Spares", -1.27, 36.81, 10, "TOYOTA");
        String admin = api.token(fixtures.tenantAdmin("Strict MFA Admin"));
        assertEquals(200, api.put("api/v1/tenant", admin, TenancyIT.settings("Strict MFA Parts", "KES", "16").add("mfaRequired", true).build())
                .status());

        JsonObject due = login(staff.email());
        assertFalse(due.containsKey("accessToken"), "no token before the second factor: " + due);
        assertTrue(due.getBoolean("enrolment"));
        assertTrue(due.getString("otpauthUri").startsWith("otpauth://totp/"), due.toString());
        Authenticator phone = new Authenticator(due.getString("secret"));
        assertEquals(401, secondFactor(due.getString("challenge"), "000000".equals(phone.code(0)) ? "111111" : "000000").status());

        JsonObject enrolled = secondFactor(due.getString("challenge"), phone.code(0)).json();
        List<String> backupCodes = enrolled.getJsonArray("backupCodes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        assertEquals(10, backupCodes.size());
        assertTrue(api.get("api/v1/account", enrolled.getString("accessToken")).json().getBoolean("mfaEnabled"));
        assertEquals(401, secondFactor(due.getString("challenge"), phone.code(1)).status(), "a challenge is used once");

        JsonObject next = login(staff.email());
        assertFalse(next.getBoolean("enrolment"));
        assertFalse(next.containsKey("secret"), "the secret is shown only for enrolment");
        JsonObject withCode = secondFactor(next.getString("challenge"), phone.code(1)).json();
        assertFalse(withCode.containsKey("backupCodes"), "backup codes are shown once");
        String token = withCode.getString("accessToken");

        // The phone is lost: a backup code logs in once.
        JsonObject lostPhone = login(staff.email());
        assertEquals(200, secondFactor(lostPhone.getString("challenge"), backupCodes.get(3).toLowerCase()).status());
        JsonObject again = login(staff.email());
        assertEquals(401, secondFactor(again.getString("challenge"), backupCodes.get(3)).status(), "a backup code works once");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'BACKUP_CODE_USED' AND tenant_id = ? "
                + "AND detail = '9 left'", fixtures.tenantId()), "the audit entry says how many codes are left");

        Api.Reply off = api.post("api/v1/account/mfa/disable", token, Json.createObjectBuilder().add("code", phone.code(1)).build());
        assertEquals(409, off.status(), "the tenant requires it: " + off);
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        String email = fixtures.tenantAdmin("Guessed Admin");
        String token = api.token(email);
        assertEquals(403, api.post("api/v1/account/mfa/enrolment", api.token(fixtures.customer("No MFA Customer").email()), null).status(),
                "a second factor is for staff and admins");

        String secret = api.post("api/v1/account/mfa/enrolment", token, null).json().getString("secret");
        Authenticator phone = new Authenticator(secret);
        Api.Reply wrong = api.post("api/v1/account/mfa/enrolment/confirm", token, Json.createObjectBuilder().add("code", "12345x").build());
        assertEquals(400, wrong.status());
        assertEquals(List.of("code"), wrong.fieldErrors());
        assertEquals(10, api.post("api/v1/account/mfa/enrolment/confirm", token, Json.createObjectBuilder().add("code", phone.code(0)).build())
                .json().getJsonArray("backupCodes").size());
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'MFA_ENABLED' AND tenant_id = ?", fixtures.tenantId()));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM user_account WHERE email = ? AND mfa_secret LIKE 'v1:%' AND position(? in mfa_secret) = 0",
                email, secret), "the secret is stored encrypted");

        // Someone who knows the password guesses codes: five wrong codes in all (the wrong confirmation above
        // included) lock the account.
        String challenge = login(email).getString("challenge");
        String notTheCode = phone.code(0).equals("999999") ? "999998" : "999999";
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(401, secondFactor(challenge, notTheCode).status(), "attempt " + attempt);
        }
        assertEquals(429, secondFactor(challenge, phone.code(1)).status(), "locked: not even the right code is tried now");
        Api.Reply locked = api.login(email, Fixtures.PASSWORD);
        assertEquals(429, locked.status(), "even the right password waits now: " + locked);
        assertEquals(5, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'MFA_FAILED' AND tenant_id = ?", fixtures.tenantId()));
    }

    // ---- API keys ---------------------------------------------------------------------------------------------------

    private Api.Reply exchange(String key) {
        return api.post("api/v1/auth/api-key", null, Json.createObjectBuilder().add("apiKey", key).build());
    }

    static JsonObject newKey(String name, String... scopes) {
        return Json.createObjectBuilder().add("name", name).add("scopes", Json.createArrayBuilder(List.of(scopes))).build();
    }

    @Test
    void aPartnerKeyIsShownOnceExchangedForAScopedTokenAndStopsAtOnceWhenRevoked() {
        Fixtures partner = new Fixtures("PARTNER");
        String admin = api.token(partner.tenantAdmin("Fleet Admin"));
        JsonObject created = api.post("api/v1/api-keys", admin, newKey("Fleet dispatch system", "parts-requests:write", "orders:read")).json();
        String key = created.getString("key");
        assertTrue(key.startsWith(created.getString("prefix")), created.toString());
        String listed = api.get("api/v1/api-keys", admin).body();
        assertFalse(listed.contains(key), "the key is shown once");
        assertTrue(listed.contains(created.getString("prefix")));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM api_key WHERE secret_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", key),
                "only the hash is stored");

        JsonObject exchanged = exchange(key).json();
        assertEquals(List.of("orders:read", "parts-requests:write"), exchanged.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        String token = exchanged.getString("accessToken");
        String[] parts = token.split("\\.");
        JsonObject claims = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))).readObject();
        assertEquals("orders:read parts-requests:write", claims.getString("scope"));
        JsonObject me = api.get("api/v1/account", token).json();
        assertEquals("PARTNER", me.getString("role"));
        assertEquals(partner.tenantId().toString(), me.getString("tenantId"));
        assertEquals(200, api.get("api/v1/tenant", token).status(), "a partner system reads its tenant's settings");
        assertEquals(403, api.get("api/v1/api-keys", token).status(), "a key cannot manage keys");
        JsonObject used = api.get("api/v1/api-keys", admin).jsonArray().getJsonObject(0);
        assertTrue(used.containsKey("lastUsedAt") && used.containsKey("lastUsedAddress"), "last use is recorded: " + used);

        assertEquals(204, api.delete("api/v1/api-keys/" + created.getString("id"), admin).status());
        assertEquals(401, api.get("api/v1/account", token).status(), "tokens of a revoked key stop at once");
        assertEquals(401, exchange(key).status());
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'API_KEY_CREATED'", partner.tenantId()));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'API_KEY_REVOKED'", partner.tenantId()));
    }

    @Test
    void keysAreOnlyForPartnersWithKnownScopes() {
        String shopAdmin = api.token(fixtures.tenantAdmin("Shop Business Admin"));
        assertEquals(409, api.post("api/v1/api-keys", shopAdmin, newKey("Not a partner", "orders:read")).status());
        Fixtures partner = new Fixtures("PARTNER");
        String admin = api.token(partner.tenantAdmin("Careless Partner Admin"));
        Api.Reply unknown = api.post("api/v1/api-keys", admin, newKey("Too much", "orders:read", "everything:admin"));
        assertEquals(400, unknown.status());
        assertEquals(List.of("scopes[1]"), unknown.fieldErrors());
        Api.Reply none = api.post("api/v1/api-keys", admin, newKey("Nothing"));
        assertEquals(400, none.status());
        assertEquals(0, Fixtures.count("SELECT count(*) FROM api_key WHERE tenant_id = ?", partner.tenantId()), "nothing was created");
        assertEquals(401, exchange("clutch_not-a-key-of-anyone").status());
    }
}
