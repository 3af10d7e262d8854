package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants, shop onboarding and verification, and staff, against the WAR on Payara Micro and PostgreSQL: what a
 * tenant admin, a platform admin and an invited employee do, and what each of them is refused.
 */
class TenancyIT extends DeployedApplication {

    private static final double CBD_LAT = -1.2864;
    private static final double CBD_LON = 36.8172;
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    // ---- bodies (also used by the cross-tenant probe) ----------------------------------------------------------

    static JsonObjectBuilder settings(String name, String currency, String taxRate) {
        return Json.createObjectBuilder().add("name", name).add("legalName", name + " Ltd").add("currency", currency)
                .add("locale", "en-KE").add("timeZone", "Africa/Nairobi").add("taxRatePercent", new java.math.BigDecimal(taxRate))
                .add("branding", Json.createObjectBuilder().add("displayName", name).add("primaryColour", "#1a7f37"))
                .add("mfaRequired", false);
    }

    static JsonObject businessInfo(String name) {
        return Json.createObjectBuilder().add("name", name).add("legalName", name + " Ltd").add("registrationNumber", "PVT-2026-001")
                .add("taxNumber", "P051234567Z").add("phone", "+254 700 000000").add("email", "shop@test.example").build();
    }

    static JsonObject location(double latitude, double longitude, int radiusKm) {
        return Json.createObjectBuilder().add("latitude", latitude).add("longitude", longitude).add("address", "Test road 1, Nairobi")
                .add("serviceRadiusKm", radiusKm).build();
    }

    static JsonObject makes(String... makes) {
        return Json.createObjectBuilder().add("makes", Json.createArrayBuilder(Arrays.asList(makes))).build();
    }

    static JsonObject invitation(String email, String role, UUID shopId) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("email", email).add("displayName", "Invited " + role).add("role", role);
        if (shopId != null) {
            body.add("shopId", shopId.toString());
        }
        return body.build();
    }

    static JsonObject reason(String text) {
        return Json.createObjectBuilder().add("reason", text).build();
    }

    private String platformAdmin() {
        return api.token(IntegrationServices.PLATFORM_ADMIN);
    }

    private JsonObject ok(Api.Reply reply) {
        assertTrue(reply.status() >= 200 && reply.status() < 300, reply.toString());
        return reply.json();
    }

    /** Onboards a shop through every step and submits it; answers the shop as the API shows it. */
    private JsonObject onboardAndSubmit(String adminToken, String name, String make) {
        String id = ok(api.post("api/v1/shops", adminToken, businessInfo(name))).getString("id");
        ok(api.put("api/v1/shops/" + id + "/location", adminToken, location(CBD_LAT, CBD_LON, 15)));
        ok(api.put("api/v1/shops/" + id + "/makes", adminToken, makes(make)));
        ok(api.put("api/v1/shops/" + id + "/inventory", adminToken, Json.createObjectBuilder().add("source", "DESKTOP_SYNC").build()));
        ok(api.put("api/v1/shops/" + id + "/pricing", adminToken,
                Json.createObjectBuilder().add("strategy", "COST_PLUS").add("percent", 25).build()));
        ok(api.sendBytes("POST", "api/v1/shops/" + id + "/documents?kind=BUSINESS_REGISTRATION&fileName=cert.pdf", adminToken,
                "application/pdf", PDF));
        return ok(api.post("api/v1/shops/" + id + "/submit", adminToken, null));
    }

    /** Invites a person to the fixture tenant, accepts for them and logs them in; answers their access token. */
    private String inviteAndJoin(String adminToken, String role, UUID shopId) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@test.example";
        String token = ok(api.post("api/v1/staff/invitations", adminToken, invitation(email, role, shopId))).getString("acceptToken");
        ok(api.post("api/v1/invitations/accept", null, Json.createObjectBuilder().add("token", token)
                .add("password", Fixtures.PASSWORD).build()));
        return api.token(email);
    }

    // ---- tenant settings ---------------------------------------------------------------------------------------

    @Test
    void theOriginsATenantListsMayCallFromABrowserAndNoOthers() {
        String admin = api.token(fixtures.tenantAdmin("Origins Admin"));
        String app = "https://fleet-app-" + fixtures.uniqueMake("o").toLowerCase() + ".example";
        Api.Reply saved = api.put("api/v1/tenant", admin, settings("Origins Parts", "KES", "16")
                .add("allowedOrigins", Json.createArrayBuilder().add(app.toUpperCase().replace("HTTPS", "https")).add("http://localhost:5173")).build());
        assertEquals(200, saved.status(), saved.toString());
        assertEquals(List.of(app, "http://localhost:5173"), saved.json().getJsonArray("allowedOrigins").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "kept as browsers send them");

        Api.Raw preflight = preflight(app);
        assertEquals(204, preflight.status(), preflight.toString());
        assertEquals(app, preflight.header("access-control-allow-origin", null));
        assertTrue(preflight.header("access-control-allow-headers", "").contains("Authorization"), preflight.toString());
        Api.Raw call = api.sendFrom("127.0.0.1", "GET", "api/v1/tenant", Map.of("Origin", app, "Authorization", "Bearer " + admin), null);
        assertEquals(200, call.status());
        assertEquals(app, call.header("access-control-allow-origin", null), "the browser may read the answer");
        assertTrue(call.header("vary", "").contains("Origin"), call.toString());

        String stranger = "https://evil-" + fixtures.uniqueMake("o").toLowerCase() + ".example";
        Api.Raw refused = preflight(stranger);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(null, refused.header("access-control-allow-origin", null));
        Api.Raw unread = api.sendFrom("127.0.0.1", "GET", "api/v1/tenant", Map.of("Origin", stranger, "Authorization", "Bearer " + admin), null);
        assertEquals(null, unread.header("access-control-allow-origin", null), "a browser keeps the answer from another origin");

        Api.Reply bad = api.put("api/v1/tenant", admin, settings("Origins Parts", "KES", "16").add("allowedOrigins",
                Json.createArrayBuilder().add("http://fleet.example").add("https://fleet.example/app").add("ftp://fleet.example")).build());
        assertEquals(400, bad.status(), bad.toString());
        assertEquals(List.of("allowedOrigins[0]", "allowedOrigins[1]", "allowedOrigins[2]"), bad.fieldErrors());
        assertEquals(204, preflight(app).status(), "a refused change changes nothing");

        assertEquals(200, api.put("api/v1/tenant", admin, settings("Origins Parts", "KES", "16")
                .add("allowedOrigins", Json.createArrayBuilder()).build()).status());
        assertEquals(403, preflight(app).status(), "an origin taken off the list is refused at once");
    }

    private Api.Raw preflight(String origin) {
        return api.sendFrom("127.0.0.1", "OPTIONS", "api/v1/parts-requests", Map.of("Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type"), null);
    }

    @Test
    void aTenantAdminChangesTheSettingsEveryoneOfTheTenantReadsAndTheChangeIsAudited() {
        String admin = api.token(fixtures.tenantAdmin("Settings Admin"));
        String staff = api.token(fixtures.activeShop("Settings Shop", CBD_LAT, CBD_LON, 10, "TOYOTA").email());

        JsonObject changed = ok(api.put("api/v1/tenant", admin, settings("Renamed Parts", "ugx", "18").build()));
        assertEquals("UGX", changed.getString("currency"));
        assertEquals(0, new java.math.BigDecimal("18").compareTo(changed.getJsonNumber("taxRatePercent").bigDecimalValue()));
        assertEquals("#1A7F37", changed.getJsonObject("branding").getString("primaryColour"));

        JsonObject seenByStaff = ok(api.get("api/v1/tenant", staff));
        assertEquals("Renamed Parts", seenByStaff.getString("name"));
        assertEquals("UGX", seenByStaff.getString("currency"));
        assertEquals(403, api.put("api/v1/tenant", staff, settings("Staff Rename", "KES", "0").build()).status());
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'TENANT_SETTINGS_CHANGED' "
                + "AND detail LIKE '%currency%' AND detail LIKE '%taxRatePercent%'", fixtures.tenantId()));
    }

    @Test
    void badSettingsAreFieldErrorsAndChangeNothing() {
        String admin = api.token(fixtures.tenantAdmin("Careless Admin"));
        JsonObject before = ok(api.get("api/v1/tenant", admin));
        JsonObject bad = settings("Bad", "XYZ", "100").add("timeZone", "Mars/Olympus").add("locale", "not a locale!")
                .add("branding", Json.createObjectBuilder().add("logoUrl", "http://insecure.example/logo.png").add("accentColour", "red"))
                .build();
        Api.Reply reply = api.put("api/v1/tenant", admin, bad);
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertTrue(reply.fieldErrors().containsAll(List.of("taxRatePercent", "branding.accentColour")), reply.toString());

        // Past the shape checks, the domain checks: unknown currency, zone and locale, insecure logo.
        JsonObject wellFormedButWrong = settings("Bad", "XYZ", "16").add("timeZone", "Mars/Olympus").add("locale", "not a locale!")
                .add("branding", Json.createObjectBuilder().add("logoUrl", "http://insecure.example/logo.png")).build();
        Api.Reply domain = api.put("api/v1/tenant", admin, wellFormedButWrong);
        assertEquals(400, domain.status(), domain.toString());
        assertTrue(domain.fieldErrors().containsAll(List.of("currency", "timeZone", "locale", "branding.logoUrl")), domain.toString());
        assertEquals(before, ok(api.get("api/v1/tenant", admin)));
    }

    @Test
    void onlyPlatformAdminsChangeThePlanAndOnlyToAKnownOne() {
        String admin = api.token(fixtures.tenantAdmin("Plan Admin"));
        String root = platformAdmin();
        String path = "api/v1/tenants/" + fixtures.tenantId() + "/plan";
        assertEquals(403, api.put(path, admin, Json.createObjectBuilder().add("plan", "ENTERPRISE").build()).status());
        Api.Reply unknown = api.put(path, root, Json.createObjectBuilder().add("plan", "FREE_FOREVER").build());
        assertEquals(400, unknown.status());
        assertEquals(List.of("plan"), unknown.fieldErrors());
        assertEquals("ENTERPRISE", ok(api.put(path, root, Json.createObjectBuilder().add("plan", "ENTERPRISE").build())).getString("plan"));
        assertEquals("ENTERPRISE", ok(api.get("api/v1/tenant", admin)).getString("plan"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'PLAN_CHANGED'",
                fixtures.tenantId()));
    }

    @Test
    void aPlatformAdminCreatesATenantAndInvitesItsFirstAdminWhoThenOnboardsAShop() {
        String root = platformAdmin();
        JsonObject tenant = ok(api.post("api/v1/tenants", root, Json.createObjectBuilder().add("kind", "SHOP_BUSINESS")
                .add("settings", settings("Kisumu Motors " + UUID.randomUUID(), "KES", "16")).build()));
        assertEquals("STANDARD", tenant.getString("plan"));
        String email = "first-admin-" + UUID.randomUUID() + "@test.example";
        JsonObject invited = ok(api.post("api/v1/tenants/" + tenant.getString("id") + "/invitations", root,
                invitation(email, "TENANT_ADMIN", null)));
        assertEquals("PENDING", invited.getString("state"));
        ok(api.post("api/v1/invitations/accept", null, Json.createObjectBuilder().add("token", invited.getString("acceptToken"))
                .add("displayName", "Achieng").add("password", Fixtures.PASSWORD).build()));

        String admin = api.token(email);
        JsonObject me = ok(api.get("api/v1/account", admin));
        assertEquals("TENANT_ADMIN", me.getString("role"));
        assertEquals(tenant.getString("id"), me.getString("tenantId"));
        assertEquals("Achieng", me.getString("displayName"));
        JsonObject shop = ok(api.post("api/v1/shops", admin, businessInfo("Kisumu Central")));
        assertEquals("ONBOARDING", shop.getString("status"));
        assertEquals("LOCATION", shop.getJsonObject("onboarding").getString("nextStep"));
        JsonObject accepted = api.get("api/v1/tenants/" + tenant.getString("id") + "/invitations", root).jsonArray().getJsonObject(0);
        assertEquals("ACCEPTED", accepted.getString("state"));
        assertTrue(!accepted.containsKey("acceptToken"), "the token is never shown again");
    }

    @Test
    void aPartnerTenantHasNoShops() {
        String root = platformAdmin();
        Api.Reply noRoles = api.post("api/v1/tenants", root, Json.createObjectBuilder().add("kind", "PARTNER")
                .add("settings", settings("Fleet Partner " + UUID.randomUUID(), "KES", "0")).build());
        assertEquals(List.of("partnerRoles"), noRoles.fieldErrors(), "a partner says what it does: " + noRoles);
        assertEquals(List.of("partnerRoles"), api.post("api/v1/tenants", root, Json.createObjectBuilder().add("kind", "SHOP_BUSINESS")
                .add("partnerRoles", Json.createArrayBuilder().add("BUYER"))
                .add("settings", settings("Shop With Roles " + UUID.randomUUID(), "KES", "0")).build()).fieldErrors());
        JsonObject partner = ok(api.post("api/v1/tenants", root, Json.createObjectBuilder().add("kind", "PARTNER")
                .add("partnerRoles", Json.createArrayBuilder().add("BUYER"))
                .add("settings", settings("Fleet Partner " + UUID.randomUUID(), "KES", "0")).build()));
        assertEquals(List.of("BUYER"), partner.getJsonArray("partnerRoles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        String email = "partner-admin-" + UUID.randomUUID() + "@test.example";
        String token = ok(api.post("api/v1/tenants/" + partner.getString("id") + "/invitations", root,
                invitation(email, "TENANT_ADMIN", null))).getString("acceptToken");
        ok(api.post("api/v1/invitations/accept", null, Json.createObjectBuilder().add("token", token).add("password", Fixtures.PASSWORD).build()));
        JsonObject partners = ok(api.get("api/v1/tenants?kind=PARTNER&size=100", root));
        assertTrue(partners.getJsonNumber("total").longValue() >= 1);
        assertTrue(partners.getJsonArray("items").getValuesAs(JsonObject.class).stream().allMatch(t -> "PARTNER".equals(t.getString("kind"))),
                "the kind filter holds");
        assertEquals(List.of("kind"), api.get("api/v1/tenants?kind=GARAGE", root).fieldErrors());
        Api.Reply refused = api.post("api/v1/shops", api.token(email), businessInfo("Not A Shop"));
        assertEquals(409, refused.status(), refused.toString());
        Api.Reply wrongRole = api.post("api/v1/tenants/" + partner.getString("id") + "/invitations", root,
                invitation("x-" + UUID.randomUUID() + "@test.example", "SHOP_STAFF", null));
        assertEquals(400, wrongRole.status());
    }

    // ---- shop onboarding and verification ---------------------------------------------------------------------------

    @Test
    void onboardingIsResumableAndOnlyAVerifiedShopReceivesRequests() throws Exception {
        String admin = api.token(fixtures.tenantAdmin("Onboarding Admin"));
        String make = fixtures.uniqueMake("Isuzu");
        String customer = api.token(fixtures.customer("Onboarding Customer").email());

        String id = ok(api.post("api/v1/shops", admin, businessInfo("Ngong Road Spares"))).getString("id");
        ok(api.put("api/v1/shops/" + id + "/location", admin, location(CBD_LAT, CBD_LON, 15)));
        // Leave and come back later: the progress is where it was left.
        JsonObject resumed = ok(api.get("api/v1/shops/" + id, admin));
        assertEquals("MAKES", resumed.getJsonObject("onboarding").getString("nextStep"));
        assertEquals(List.of("BUSINESS_INFO", "LOCATION"), resumed.getJsonObject("onboarding").getJsonArray("completedSteps")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        Api.Reply early = api.post("api/v1/shops/" + id + "/submit", admin, null);
        assertEquals(409, early.status());
        assertTrue(early.json().getString("detail").contains("MAKES") && early.json().getString("detail").contains("DOCUMENTS"), early.toString());

        ok(api.put("api/v1/shops/" + id + "/makes", admin, makes(make)));
        ok(api.put("api/v1/shops/" + id + "/inventory", admin, Json.createObjectBuilder().add("source", "DESKTOP_SYNC")
                .add("estimatedPartCount", 4200).build()));
        ok(api.put("api/v1/shops/" + id + "/pricing", admin, Json.createObjectBuilder().add("strategy", "COST_PLUS").add("percent", 30).build()));
        JsonObject document = ok(api.sendBytes("POST", "api/v1/shops/" + id + "/documents?kind=BUSINESS_REGISTRATION&fileName=cert.pdf",
                admin, "application/pdf", PDF));
        JsonObject submitted = ok(api.post("api/v1/shops/" + id + "/submit", admin, null));
        assertEquals("PENDING_VERIFICATION", submitted.getString("status"));
        assertTrue(!submitted.getJsonObject("onboarding").containsKey("nextStep"), "no step is left");

        // A shop under verification gets no requests: a witness shop of the same make shows the dispatch is done.
        var witness = fixtures.activeShop("Witness Spares", CBD_LAT, CBD_LON, 15, make);
        String witnessToken = api.token(witness.email());
        String staff = inviteAndJoin(admin, "SHOP_STAFF", UUID.fromString(id));
        String before = api.post("api/v1/parts-requests", customer, MarketplaceIT.partsRequest(make, 1).build()).json().getString("id");
        api.awaitDispatched(witnessToken, before);
        assertEquals(404, api.get("api/v1/shop/requests/" + before, staff).status());

        String root = platformAdmin();
        JsonObject queue = ok(api.get("api/v1/shops?status=PENDING_VERIFICATION&tenantId=" + fixtures.tenantId(), root));
        assertEquals(id, queue.getJsonArray("items").getJsonObject(0).getString("id"));
        assertArrayEquals(PDF, api.download("api/v1/shops/" + id + "/documents/" + document.getString("id"), root),
                "the verifier reads the very document that was uploaded");
        assertEquals("ACTIVE", ok(api.post("api/v1/shops/" + id + "/verify", root, null)).getString("status"));

        String after = api.post("api/v1/parts-requests", customer, MarketplaceIT.partsRequest(make, 1).build()).json().getString("id");
        assertEquals(after, api.awaitDispatched(staff, after).getJsonObject("request").getString("id"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'SHOP_VERIFIED' AND target_id = ?",
                UUID.fromString(id)));
    }

    @Test
    void aRejectedShopSeesTheReasonAndCanBeCorrectedAndSubmittedAgain() {
        String admin = api.token(fixtures.tenantAdmin("Rejected Admin"));
        String id = onboardAndSubmit(admin, "Blurry Scans Ltd", fixtures.uniqueMake("Mazda")).getString("id");
        String root = platformAdmin();
        assertEquals(400, api.post("api/v1/shops/" + id + "/reject", root, reason(" ")).status(), "a rejection needs a reason");
        JsonObject rejected = ok(api.post("api/v1/shops/" + id + "/reject", root, reason("The registration certificate is unreadable.")));
        assertEquals("REJECTED", rejected.getString("status"));

        JsonObject seenByOwner = ok(api.get("api/v1/shops/" + id, admin));
        assertEquals("The registration certificate is unreadable.", seenByOwner.getString("statusReason"));
        ok(api.sendBytes("POST", "api/v1/shops/" + id + "/documents?kind=BUSINESS_REGISTRATION&fileName=clear-scan.png", admin,
                "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));
        assertEquals("PENDING_VERIFICATION", ok(api.post("api/v1/shops/" + id + "/submit", admin, null)).getString("status"));
        assertEquals(409, api.post("api/v1/shops/" + id + "/submit", admin, null).status(), "already waiting for verification");
        assertEquals(409, api.post("api/v1/shops/" + id + "/reactivate", root, null).status(), "only a suspended shop is reactivated");
    }

    @Test
    void verifiedDetailsAreFixedButMakesStayEditableByTheShopManager() {
        var shop = fixtures.activeShop("Fixed Location Spares", CBD_LAT, CBD_LON, 10, "TOYOTA");
        String admin = api.token(fixtures.tenantAdmin("Fixed Admin"));
        String manager = inviteAndJoin(admin, "SHOP_MANAGER", shop.shopId());
        String staff = api.token(shop.email());
        String path = "api/v1/shops/" + shop.shopId();

        assertTrue(!ok(api.get(path, admin)).getJsonObject("onboarding").containsKey("nextStep"),
                "an active shop is past onboarding, whatever it never filled in");
        assertEquals(409, api.put(path + "/location", admin, location(-1.0, 36.0, 10)).status());
        assertEquals(409, api.put(path + "/business-info", admin, businessInfo("Renamed")).status());
        assertEquals(List.of("NISSAN", "TOYOTA"), ok(api.put(path + "/makes", manager, makes("toyota", "Nissan ")))
                .getJsonArray("makes").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(403, api.put(path + "/makes", staff, makes("BMW")).status(), "plain staff do not change the shop");
        assertEquals(400, api.put(path + "/makes", admin, makes()).status(), "a shop carries at least one make");
        Api.Reply badPricing = api.put(path + "/pricing", admin, Json.createObjectBuilder().add("strategy", "COST_PLUS").build());
        assertEquals(400, badPricing.status());
        assertEquals(List.of("percent"), badPricing.fieldErrors());
    }

    @Test
    void aSuspendedShopGetsNoRequestsAndCannotQuoteUntilReactivated() throws Exception {
        String make = fixtures.uniqueMake("Honda");
        var shop = fixtures.activeShop("Complained About Spares", CBD_LAT, CBD_LON, 15, make);
        var witness = fixtures.activeShop("Honest Spares", CBD_LAT, CBD_LON, 15, make);
        String shopToken = api.token(shop.email());
        String witnessToken = api.token(witness.email());
        String customer = api.token(fixtures.customer("Suspension Customer").email());
        String root = platformAdmin();

        String first = api.post("api/v1/parts-requests", customer, MarketplaceIT.partsRequest(make, 1).build()).json().getString("id");
        JsonObject dispatched = api.awaitDispatched(shopToken, first).getJsonObject("request");
        assertEquals(400, api.post("api/v1/shops/" + shop.shopId() + "/suspend", root, Json.createObjectBuilder().build()).status());
        assertEquals("SUSPENDED", ok(api.post("api/v1/shops/" + shop.shopId() + "/suspend", root, reason("Customer complaints under review")))
                .getString("status"));

        Api.Reply quote = api.put("api/v1/shop/requests/" + first + "/quote", shopToken, MarketplaceIT.quote(dispatched, "100.00", "0"));
        assertEquals(409, quote.status(), quote.toString());
        String second = api.post("api/v1/parts-requests", customer, MarketplaceIT.partsRequest(make, 1).build()).json().getString("id");
        api.awaitDispatched(witnessToken, second);
        assertEquals(404, api.get("api/v1/shop/requests/" + second, shopToken).status());

        assertEquals("ACTIVE", ok(api.post("api/v1/shops/" + shop.shopId() + "/reactivate", root, null)).getString("status"));
        assertEquals(200, api.put("api/v1/shop/requests/" + first + "/quote", shopToken, MarketplaceIT.quote(dispatched, "100.00", "0")).status());
        assertEquals(2, Fixtures.count("SELECT count(*) FROM audit_event WHERE target_id = ? AND action IN ('SHOP_SUSPENDED', 'SHOP_REACTIVATED')",
                shop.shopId()));
    }

    @Test
    void documentsMustBeScansOrPhotosOfAtMostFiveMebibytes() {
        String admin = api.token(fixtures.tenantAdmin("Upload Admin"));
        String id = ok(api.post("api/v1/shops", admin, businessInfo("Upload Spares"))).getString("id");
        String upload = "api/v1/shops/" + id + "/documents?kind=TAX_CERTIFICATE&fileName=pin.pdf";
        assertEquals(415, api.sendBytes("POST", upload, admin, "text/html", "<script>".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(413, api.sendBytes("POST", upload, admin, "application/pdf", new byte[5 * 1024 * 1024 + 1]).status());
        Api.Reply noKind = api.sendBytes("POST", "api/v1/shops/" + id + "/documents?kind=SELFIE", admin, "application/pdf", PDF);
        assertEquals(400, noKind.status());
        assertTrue(noKind.fieldErrors().containsAll(List.of("kind", "fileName")), noKind.toString());
        assertEquals(0, ok(api.get("api/v1/shops/" + id, admin)).getJsonArray("documents").size(), "nothing was stored");
        assertEquals(201, api.sendBytes("POST", upload, admin, "application/pdf", new byte[4 * 1024 * 1024]).status());
    }

    // ---- staff ----------------------------------------------------------------------------------------------------

    @Test
    void anInvitationIsAcceptedOnceWithAPasswordThatMeetsThePolicy() {
        var shop = fixtures.activeShop("Invite Spares", CBD_LAT, CBD_LON, 10, "TOYOTA");
        String admin = api.token(fixtures.tenantAdmin("Inviting Admin"));
        String email = "new-hire-" + UUID.randomUUID() + "@test.example";
        JsonObject invited = ok(api.post("api/v1/staff/invitations", admin, invitation(email, "SHOP_STAFF", shop.shopId())));
        String token = invited.getString("acceptToken");
        assertTrue(!api.get("api/v1/staff/invitations", admin).body().contains(token), "the token is shown once");

        Api.Reply weak = api.post("api/v1/invitations/accept", null, Json.createObjectBuilder().add("token", token).add("password", "password").build());
        assertEquals(400, weak.status());
        assertEquals(List.of("password"), weak.fieldErrors());
        ok(api.post("api/v1/invitations/accept", null, Json.createObjectBuilder().add("token", token).add("password", Fixtures.PASSWORD).build()));
        Api.Reply again = api.post("api/v1/invitations/accept", null, Json.createObjectBuilder().add("token", token)
                .add("password", Fixtures.PASSWORD).build());
        assertEquals(404, again.status(), "an invitation is spent once accepted");

        JsonObject me = ok(api.get("api/v1/account", api.token(email)));
        assertEquals("SHOP_STAFF", me.getString("role"));
        assertEquals(shop.shopId().toString(), me.getString("shopId"));
        assertEquals(409, api.post("api/v1/staff/invitations", admin, invitation(email, "SHOP_STAFF", shop.shopId())).status(),
                "one account per e-mail address");
    }

    @Test
    void invitationsOnlyGrantTheTenantsOwnRolesAndShops() {
        String admin = api.token(fixtures.tenantAdmin("Strict Admin"));
        var otherTenantShop = new Fixtures().activeShop("Other Tenant Shop", CBD_LAT, CBD_LON, 10, "TOYOTA");
        String email = "escalation-" + UUID.randomUUID() + "@test.example";

        Api.Reply platform = api.post("api/v1/staff/invitations", admin, invitation(email, "PLATFORM_ADMIN", null));
        assertEquals(400, platform.status());
        assertEquals(List.of("role"), platform.fieldErrors());
        Api.Reply foreignShop = api.post("api/v1/staff/invitations", admin, invitation(email, "SHOP_STAFF", otherTenantShop.shopId()));
        assertEquals(400, foreignShop.status());
        assertEquals(List.of("shopId"), foreignShop.fieldErrors());
        assertEquals(0, Fixtures.count("SELECT count(*) FROM staff_invitation WHERE email = ?", email));
        assertEquals(403, api.post("api/v1/staff/invitations", api.token(otherTenantShop.email()),
                invitation(email, "SHOP_STAFF", otherTenantShop.shopId())).status(), "staff do not invite");
    }

    @Test
    void aRoleChangeEndsTheSessionsAndTakesEffectAtTheNextLogin() {
        var shop = fixtures.activeShop("Promotion Spares", CBD_LAT, CBD_LON, 10, "TOYOTA");
        String adminEmail = fixtures.tenantAdmin("Promoting Admin");
        String admin = api.token(adminEmail);
        String staff = api.token(shop.email());
        String staffId = ok(api.get("api/v1/account", staff)).getString("id");

        JsonObject promoted = ok(api.put("api/v1/staff/" + staffId + "/role", admin, Json.createObjectBuilder().add("role", "SHOP_MANAGER")
                .add("shopId", shop.shopId().toString()).build()));
        assertEquals("SHOP_MANAGER", promoted.getString("role"));
        assertEquals(401, api.get("api/v1/account", staff).status(), "the old token and its role are gone at once");
        assertEquals("SHOP_MANAGER", ok(api.get("api/v1/account", api.token(shop.email()))).getString("role"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'ROLE_CHANGED' AND target_id = ?",
                UUID.fromString(staffId)));

        String adminId = ok(api.get("api/v1/account", admin)).getString("id");
        assertEquals(409, api.put("api/v1/staff/" + adminId + "/role", admin, Json.createObjectBuilder().add("role", "SHOP_STAFF")
                .add("shopId", shop.shopId().toString()).build()).status(), "an admin cannot demote itself");
        Api.Reply noShop = api.put("api/v1/staff/" + staffId + "/role", admin, Json.createObjectBuilder().add("role", "SHOP_STAFF").build());
        assertEquals(400, noShop.status());
        assertEquals(List.of("shopId"), noShop.fieldErrors());
    }

    @Test
    void aDisabledAccountCannotLogInUntilEnabled() {
        var shop = fixtures.activeShop("Leaver Spares", CBD_LAT, CBD_LON, 10, "TOYOTA");
        String admin = api.token(fixtures.tenantAdmin("Leaver Admin"));
        String staff = api.token(shop.email());
        String staffId = ok(api.get("api/v1/account", staff)).getString("id");

        assertEquals("DISABLED", ok(api.post("api/v1/staff/" + staffId + "/disable", admin, null)).getString("status"));
        assertEquals(401, api.get("api/v1/account", staff).status());
        assertEquals(401, api.login(shop.email(), Fixtures.PASSWORD).status());
        assertEquals("ACTIVE", ok(api.post("api/v1/staff/" + staffId + "/enable", admin, null)).getString("status"));
        assertEquals(200, api.login(shop.email(), Fixtures.PASSWORD).status());
        JsonObject listed = api.get("api/v1/staff", admin).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(staffId)).findFirst().orElseThrow();
        assertEquals("ACTIVE", listed.getString("status"));
        assertEquals(2, Fixtures.count("SELECT count(*) FROM audit_event WHERE target_id = ? AND action IN ('ACCOUNT_DISABLED', 'ACCOUNT_ENABLED')",
                UUID.fromString(staffId)));
    }
}
