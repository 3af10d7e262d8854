package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API keeps its contract whatever it is sent: input the rules refuse is a 400 naming each field and changes
 * nothing, and every answer, from the application or from the server under it, is problem+json when it is an error.
 */
class ContractIT extends DeployedApplication {

    private static final String NUL = "\u0000";

    private long requestsOf(Fixtures.CustomerUser customer) {
        return Fixtures.count("SELECT count(*) FROM parts_request WHERE customer_id = ?", customer.customerId());
    }

    @Test
    void controlCharactersInAnyTextFieldAreRefusedNamingTheFieldAndChangeNothing() {
        var customer = fixtures.customer("Nul Customer");
        String token = api.token(customer.email());
        JsonObject good = MarketplaceIT.partsRequest("Toyota", 2).build();
        String spoiled = good.toString().replace("\"Toyota\"", "\"Toy" + "\\u0000" + "ota\"")
                .replace("\"Part 2\"", "\"Part\\u001b2\"")
                .replace("\"Kenyatta Avenue, Nairobi\"", "\"Kenyatta\\u0000Avenue\"");
        Api.Reply refused = api.send("POST", "api/v1/parts-requests", token, spoiled);
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(List.of("delivery.address", "lines[1].name", "vehicle.make"), refused.fieldErrors().stream().sorted().toList());
        assertEquals(0, requestsOf(customer), "nothing stored");

        String admin = api.token(fixtures.tenantAdmin("Nul Admin"));
        Api.Reply shop = api.post("api/v1/shops", admin, TenancyIT.businessInfo("Shop" + NUL + "Name"));
        assertEquals(400, shop.status(), shop.toString());
        assertEquals(List.of("legalName", "name"), shop.fieldErrors().stream().sorted().toList());
        Api.Reply search = api.get("api/v1/audit-events?action=" + "%00", admin);
        assertEquals(400, search.status(), search.toString());
        assertEquals(List.of("action"), search.fieldErrors());
        // Line breaks and tabs are text: a delivery note may have several lines.
        JsonObject multiLine = Json.createObjectBuilder(good).add("delivery", Json.createObjectBuilder(good.getJsonObject("delivery"))
                .add("instructions", "Gate B\n\tBlue door")).build();
        assertEquals(201, api.post("api/v1/parts-requests", token, multiLine).status());
    }

    @Test
    void aFractionWhereAWholeNumberIsMeantIsRefusedNotCut() {
        var customer = fixtures.customer("Fraction Customer");
        String token = api.token(customer.email());
        String body = MarketplaceIT.partsRequest("Toyota", 1).build().toString().replace("\"quantity\":1", "\"quantity\":2.5");
        Api.Reply refused = api.send("POST", "api/v1/parts-requests", token, body);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals(List.of("lines[0].quantity"), refused.fieldErrors());
        assertEquals(0, requestsOf(customer), "nothing stored");
        Api.Reply whole = api.send("POST", "api/v1/parts-requests", token, body.replace("2.5", "2.0"));
        assertEquals(201, whole.status(), "2.0 is the whole number 2: " + whole);
        assertEquals(2, whole.json().getJsonArray("lines").getJsonObject(0).getInt("quantity"));
    }

    @Test
    void aShopQuotesInItsBusinessesCurrencyOnly() throws Exception {
        var dispatched = MarketplaceIT.Dispatched.toOneShop(api, fixtures, "Mazda", "Currency Shop", "Currency Customer");
        String shopToken = dispatched.shopToken();
        String id = dispatched.requestId();
        JsonObject request = dispatched.request();
        for (String currency : List.of("XXX", "USD")) {
            JsonObject quote = Json.createObjectBuilder(MarketplaceIT.quote(request, "10", "1")).add("currency", currency).build();
            Api.Reply refused = api.put("api/v1/shop/requests/" + id + "/quote", shopToken, quote);
            assertEquals(400, refused.status(), refused.toString());
            assertEquals(List.of("currency"), refused.fieldErrors());
        }
        assertEquals(jakarta.json.JsonValue.NULL, api.get("api/v1/shop/requests/" + id, shopToken).json()
                .getOrDefault("myQuote", jakarta.json.JsonValue.NULL), "nothing quoted");
        String admin = api.token(fixtures.tenantAdmin("Currency Admin"));
        Api.Reply noMoney = api.put("api/v1/tenant", admin, TenancyIT.settings("Currency Tenant", "XXX", "16").build());
        assertEquals(400, noMoney.status(), "XXX is no currency a business trades in: " + noMoney);
        assertEquals(List.of("currency"), noMoney.fieldErrors());
    }

    @Test
    void signingUpWithTakenAddressesIsAsSlowAsGuessingPasswords() {
        String taken = fixtures.customer("Already Registered").email();
        String address = "127.0.0.31";
        java.util.function.Function<String, Api.Raw> signUp = email -> api.sendFrom(address, "POST", "api/v1/customers",
                Map.of("Content-Type", "application/json"), Json.createObjectBuilder().add("email", email)
                        .add("password", Fixtures.PASSWORD).add("displayName", "Prober").build().toString());
        for (int i = 0; i < 20; i++) {
            assertEquals(409, signUp.apply(taken).status(), "attempt " + i + " is told the address has an account");
        }
        Api.Raw locked = signUp.apply("fresh-" + java.util.UUID.randomUUID() + "@test.example");
        assertEquals(429, locked.status(), "then the client's address is locked for sign-ups: " + locked.body());
        assertTrue(Integer.parseInt(locked.header("retry-after", "0")) > 0);
        assertEquals(429, api.loginFrom(address, taken, Fixtures.PASSWORD).status(), "and for logins, the same counter");
    }

    @Test
    void everyDocumentedRequestBodyNamesTheFieldsTheServerReads() throws Exception {
        JsonObject document = OpenApi.document(api, deployment);
        String make = fixtures.uniqueMake("Doc");
        var shop = fixtures.activeShop("Doc Shop", -1.2676, 36.8108, 15, make);
        String id = api.post("api/v1/parts-requests", api.token(fixtures.customer("Doc Customer").email()),
                MarketplaceIT.partsRequest(make, 1).build()).json().getString("id");
        JsonObject request = api.awaitDispatched(api.token(shop.email()), id).getJsonObject("request");
        List<String> mismatches = new java.util.ArrayList<>();
        for (var operation : TenantIsolationProbe.documentedOperations(api, deployment)) {
            String body = operation.takesBody() ? TenantIsolationProbe.bodyFor(operation, request, shop.shopId().toString()) : null;
            if (body == null || !body.startsWith("{")) {
                continue;
            }
            JsonObject schema = OpenApi.requestSchema(document, operation.method(), "/api/v1" + operation.path());
            JsonObject sent = Json.createReader(new java.io.StringReader(body)).readObject();
            OpenApi.undocumented(document, schema, sent, "").forEach(field -> mismatches.add(operation.method() + " "
                    + operation.path() + ": the server reads '" + field + "', which the document does not name"));
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    @Test
    void everyDocumentedMaximumIsAnswered400Or413AndChangesNothing() {
        Fixtures supplier = new Fixtures("PARTNER", "SUPPLIER");
        String admin = api.token(supplier.tenantAdmin("Limits Admin"));
        String[] elevenScopes = new String[11];
        java.util.Arrays.fill(elevenScopes, "catalog:write");
        assertLimit(api.post("api/v1/api-keys", admin, AccountsIT.newKey("Too many scopes", elevenScopes)), 400, "scopes");
        assertEquals(0, Fixtures.count("SELECT count(*) FROM api_key WHERE tenant_id = ?", supplier.tenantId()), "no key made");

        String key = api.keyToken(admin, "catalog:write", "purchase-orders:read");
        JsonObject item = PartnerIT.item("LIM-1", "Bosch", "Limit part", "1.00", null, "LIMIT", "Probe", 2010, 2020, null);
        jakarta.json.JsonArrayBuilder tooMany = Json.createArrayBuilder();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add(Json.createObjectBuilder().add("partNumber", "LIM-" + i).add("brand", "Bosch"));
        }
        JsonObject overItems = Json.createObjectBuilder(PartnerIT.feed("limits", "INCREMENTAL", 1, true, item)).add("items", tooMany).build();
        assertLimit(api.post("api/v1/supplier/catalog-feed", key, overItems), 400, "items");
        String overBytes = Json.createObjectBuilder(PartnerIT.feed("limits", "INCREMENTAL", 1, true, item))
                .add("padding", "x".repeat(8 * 1024 * 1024)).build().toString();
        assertLimit(api.send("POST", "api/v1/supplier/catalog-feed", key, overBytes), 413, null);
        assertEquals(0, Fixtures.count("SELECT count(*) FROM supplier_part WHERE tenant_id = ?", supplier.tenantId()), "nothing applied");
        assertLimit(api.get("api/v1/supplier/purchase-orders?size=101", key), 400, "size");

        String settings = TenancyIT.settings("Padded", "KES", "16").add("padding", "x".repeat(256 * 1024)).build().toString();
        assertLimit(api.send("PUT", "api/v1/tenant", api.token(fixtures.tenantAdmin("Limits Owner")), settings), 413, null);

        String customer = api.token(fixtures.customer("Limits Customer").email());
        Api.Reply longKey = api.send("POST", "api/v1/parts-requests", customer, MarketplaceIT.partsRequest("LIMITS", 1).build().toString(),
                "k".repeat(101));
        assertEquals(400, longKey.status(), longKey.toString());
        assertTrue(longKey.body().contains("Idempotency-Key") || longKey.body().contains("idempotencyKey"), longKey.body());
        jakarta.json.JsonArrayBuilder lines = Json.createArrayBuilder();
        for (int i = 0; i < 51; i++) {
            lines.add(Json.createObjectBuilder().add("lineId", java.util.UUID.randomUUID().toString()).add("quantity", 1));
        }
        JsonObject refund = Json.createObjectBuilder().add("lines", lines).add("includeFreight", false).add("goodsReturned", false)
                .add("reason", "too many lines").build();
        assertLimit(api.post("api/v1/orders/" + java.util.UUID.randomUUID() + "/refunds", api.token(IntegrationServices.PLATFORM_ADMIN),
                refund), 400, "lines");
    }

    private static void assertLimit(Api.Reply reply, int status, String field) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        if (field != null) {
            assertTrue(reply.fieldErrors().stream().anyMatch(f -> f.equals(field) || f.endsWith("." + field)),
                    "the error names " + field + ": " + reply);
        }
    }

    @Test
    void everyOperationAnswersHostileInputWithinTheContract() throws Exception {
        String make = fixtures.uniqueMake("Probe");
        var shop = fixtures.activeShop("Hostile Shop", -1.2676, 36.8108, 15, make);
        var customer = fixtures.customer("Hostile Customer");
        String customerToken = api.token(customer.email());
        String shopToken = api.token(fixtures.shopManager("Hostile Manager", shop.shopId()));
        String id = api.post("api/v1/parts-requests", customerToken, MarketplaceIT.partsRequest(make, 2).build()).json().getString("id");
        JsonObject request = api.awaitDispatched(api.token(shop.email()), id).getJsonObject("request");
        Map<String, String> people = new LinkedHashMap<>();
        people.put("customer", customerToken);
        people.put("shop manager", shopToken);
        people.put("tenant admin", api.token(fixtures.tenantAdmin("Hostile Admin")));
        people.put("platform admin", api.token(IntegrationServices.PLATFORM_ADMIN));
        people.put("anonymous", null);

        HostileInputProbe probe = new HostileInputProbe(api, deployment);
        List<String> failures = probe.run(people, request, shop.shopId().toString());

        assertTrue(failures.isEmpty(), failures.size() + " of " + probe.calls() + " answers broke the contract, by kind:\n"
                + HostileInputProbe.byKind(failures) + (failures.size() <= 40 ? "all:\n" + String.join("\n", failures) : ""));
        System.out.println("hostile-input probe: " + probe.calls() + " answers within the contract, of which "
                + probe.refusedBelowTheApplication() + " bare 400s of the HTTP layer (malformed addresses, heads over its "
                + "limit, GET or DELETE with a body)");
        assertEquals("SUBMITTED", api.get("api/v1/parts-requests/" + id, customerToken).json().getString("status"),
                "the request the probe's people could reach is as it was");
    }
}
