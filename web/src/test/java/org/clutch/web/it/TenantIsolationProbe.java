package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cross-tenant probe. Tenant B gets a shop, staff, an admin, a customer whose request B's shop quoted, and
 * notifications. Then every operation the running application documents in its OpenAPI document is called by
 * each of tenant A's people (a customer, shop staff, the tenant admin, its partner's API keys of each scope) with B's
 * ids in every path parameter and id-like query filter. Nothing may answer 2xx for B's ids, no answer may contain
 * anything of B's, and B's data must be unchanged afterwards. An operation with a path parameter or a body the probe does not know fails the
 * test, so a new endpoint cannot slip past it.
 */
final class TenantIsolationProbe {

    private final Api api;
    private final URL deployment;

    TenantIsolationProbe(Api api, URL deployment) {
        this.api = api;
        this.deployment = deployment;
    }

    /** One operation of the OpenAPI document. */
    record Operation(String method, String path, List<String> queryParameters, boolean takesBody) {
    }

    void run() throws Exception {
        // ---- tenant B, with something of every kind --------------------------------------------------------
        Fixtures tenantB = new Fixtures();
        String makeB = tenantB.uniqueMake("Subaru");
        var shopB = tenantB.activeShop("Secret Shop B", -1.2676, 36.8108, 15, makeB);
        var customerB = tenantB.customer("Secret Customer B");
        String adminB = tenantB.tenantAdmin("Secret Admin B");
        JsonObject loginB = api.login(customerB.email(), Fixtures.PASSWORD).json();
        String customerTokenB = loginB.getString("accessToken");
        String shopTokenB = api.token(shopB.email());
        String adminTokenB = api.token(adminB);
        String requestB = api.post("api/v1/parts-requests", customerTokenB, MarketplaceIT.partsRequest(makeB, 2).build())
                .json().getString("id");
        JsonObject dispatched = api.awaitDispatched(shopTokenB, requestB).getJsonObject("request");
        JsonObject quoted = api.put("api/v1/shop/requests/" + requestB + "/quote", shopTokenB,
                MarketplaceIT.quote(dispatched, "4321.00", "100")).json();
        String quoteB = quoted.getJsonObject("myQuote").getString("id");
        String notificationB = api.get("api/v1/notifications", customerTokenB).json().getJsonArray("items")
                .getJsonObject(0).getString("id");
        String shopNotificationB = api.get("api/v1/notifications", shopTokenB).json().getJsonArray("items")
                .getJsonObject(0).getString("id");
        String sessionB = loginB.getString("sessionId");
        String adminUserB = api.get("api/v1/account", adminTokenB).json().getString("id");
        String draftShopB = api.post("api/v1/shops", adminTokenB, TenancyIT.businessInfo("Secret Draft Shop B")).json().getString("id");
        String documentB = api.sendBytes("POST", "api/v1/shops/" + draftShopB + "/documents?kind=OWNER_ID&fileName=secret-b.pdf",
                adminTokenB, "application/pdf", "%PDF-1.4 secret of B".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).json().getString("id");
        Fixtures partnerB = new Fixtures("PARTNER");
        String partnerAdminB = partnerB.tenantAdmin("Secret Partner Admin B");
        JsonObject keyB = api.post("api/v1/api-keys", api.token(partnerAdminB), AccountsIT.newKey("Secret Key B", "orders:read")).json();
        String invitationB = api.post("api/v1/staff/invitations", adminTokenB, TenancyIT.invitation("secret-invitee-b-" + shopB.shopId()
                + "@test.example", "SHOP_STAFF", shopB.shopId())).json().getString("id");
        String customerUserB = api.get("api/v1/account", customerTokenB).json().getString("id");
        JsonObject orderB = OrdersIT.placeOrder(api, customerTokenB, shopTokenB, makeB, "4321.00");
        String supplierB = UUID.randomUUID().toString(); // a supplier on B's desktop that B linked to a partner
        Api.Reply linked = api.put("api/v1/sync/shops/" + shopB.shopId() + "/suppliers/" + supplierB + "/partner", adminTokenB,
                Json.createObjectBuilder().add("partnerTenantId", partnerB.tenantId().toString()).build());
        if (linked.status() != 204) {
            throw new AssertionError("B links its supplier: " + linked);
        }
        String partB = UUID.randomUUID().toString(); // as B's desktop would have synced it
        Fixtures.sql("INSERT INTO shop_catalog_part (shop_id, part_id, tenant_id, part_number, brand, name, category, price_minor, "
                + "taxable, changed_at, event_id) VALUES (?, ?::uuid, ?, 'SECRET-B-1', 'Bosch', 'Secret Part B', 'Brakes', 1, true, "
                + "now(), gen_random_uuid())", shopB.shopId(), partB, tenantB.tenantId());
        Fixtures.sql("INSERT INTO partner_purchase_order (purchase_order_id, shop_id, tenant_id, partner_tenant_id, number, status, "
                + "updated_at) VALUES (gen_random_uuid(), ?, ?, ?, 'PO-SECRET-B', 'PLACED', now())", shopB.shopId(), tenantB.tenantId(),
                partnerB.tenantId()); // an order B's shop placed with its supplier partner
        String shopCustomerB = UUID.randomUUID().toString(); // a customer B's desktop synced
        Fixtures.sql("INSERT INTO shop_customer (shop_id, customer_id, tenant_id, name, phone, credit_limit_minor, vehicles, "
                + "name_stamp, phone_stamp, email_stamp, credit_limit_minor_stamp, vehicles_stamp, changed_at, event_id) "
                + "VALUES (?, ?::uuid, ?, 'Secret Fleet B', '+254 700 424 242', 0, '[]', 1, 1, 1, 1, 1, now(), gen_random_uuid())",
                shopB.shopId(), shopCustomerB, tenantB.tenantId());

        // B's price is looked for as a JSON number (":4321"): the bare digits turn up by chance inside A's own UUIDs
        Set<String> secretsOfB = new TreeSet<>(List.of(requestB, quoteB, notificationB, shopNotificationB, sessionB, adminUserB,
                customerUserB, shopB.shopId().toString(), customerB.customerId().toString(), tenantB.tenantId().toString(),
                "Secret Shop B", "Secret Customer B", ":4321", customerB.email(), shopB.email(), adminB, draftShopB, documentB,
                invitationB, "Secret Draft Shop B", "secret-b.pdf", "secret-invitee-b", keyB.getString("id"), keyB.getString("prefix"),
                "Secret Key B", partnerAdminB, partnerB.tenantId().toString(), orderB.getString("id"), orderB.getString("number"),
                partB, "Secret Part B", "SECRET-B-1", shopCustomerB, "Secret Fleet B", "+254 700 424 242", "PO-SECRET-B"));
        dispatched.getJsonArray("lines").getValuesAs(JsonObject.class).forEach(l -> secretsOfB.add(l.getString("id")));
        secretsOfB.add(supplierB);

        // Every id of B a path parameter of that name could mean; an unknown name fails the probe.
        Map<String, List<String>> idsOfB = Map.of(
                "id", List.of(requestB, quoteB, notificationB, shopNotificationB, shopB.shopId().toString(), adminUserB, draftShopB,
                        invitationB, tenantB.tenantId().toString(), keyB.getString("id"), orderB.getString("id")),
                "quoteId", List.of(quoteB),
                "sessionId", List.of(sessionB),
                "documentId", List.of(documentB),
                "partId", List.of(partB),
                "customerId", List.of(shopCustomerB),
                "tenantId", List.of(partnerB.tenantId().toString(), tenantB.tenantId().toString()),
                "supplierId", List.of(supplierB));
        Map<String, String> filtersOfB = Map.of("tenantId", tenantB.tenantId().toString(), "userId", adminUserB);

        // ---- tenant A's people ----------------------------------------------------------------------------
        Fixtures tenantA = new Fixtures();
        Map<String, String> peopleOfA = new LinkedHashMap<>();
        peopleOfA.put("customer of A", api.token(tenantA.customer("Customer A").email()));
        peopleOfA.put("staff of A", api.token(tenantA.activeShop("Shop A", -1.2676, 36.8108, 15, makeB).email()));
        peopleOfA.put("admin of A", api.token(tenantA.tenantAdmin("Admin A")));
        Fixtures partnerA = new Fixtures("PARTNER");
        String partnerAdminA = api.token(partnerA.tenantAdmin("Partner Admin A"));
        for (String scope : List.of("parts-requests:write", "parts-requests:read", "orders:read", "orders:write", "catalog:write",
                "purchase-orders:read")) {
            peopleOfA.put("key of partner A with " + scope, api.keyToken(partnerAdminA, scope));
        }

        // ---- every documented operation ---------------------------------------------------------------------
        List<Operation> operations = documentedOperations(api, deployment);
        assertTrue(operations.size() >= 15, "the probe sees the whole API: " + operations);
        int calls = 0;
        for (Operation operation : operations) {
            for (var person : peopleOfA.entrySet()) {
                for (String path : pathsWithIdsOfB(operation, idsOfB)) {
                    String query = operation.queryParameters().stream().filter(filtersOfB::containsKey)
                            .map(q -> q + "=" + filtersOfB.get(q)).reduce((a, b) -> a + "&" + b).map(q -> "?" + q).orElse("");
                    Api.Reply reply = api.send(operation.method(), "api/v1" + path + query, person.getValue(), bodyFor(operation, dispatched, shopB.shopId().toString()));
                    calls++;
                    String what = person.getKey() + " " + operation.method() + " " + path + query + " -> " + reply;
                    assertTrue(reply.status() < 500, "never a server error: " + what);
                    if (!path.equals(operation.path())) {
                        assertFalse(reply.status() >= 200 && reply.status() < 300, "B's ids are not found for A: " + what);
                    }
                    for (String secret : secretsOfB) {
                        // An error may repeat the id the caller itself sent; anything else of B's is a leak.
                        boolean echoed = (path + query).contains(secret);
                        assertFalse(!echoed && reply.body().contains(secret), "A sees nothing of B (" + secret + "): " + what);
                    }
                }
            }
        }
        assertTrue(calls > operations.size() * peopleOfA.size(), "probed " + calls + " calls");

        // ---- and B's world is as B left it ------------------------------------------------------------------
        JsonObject requestSeenByB = api.get("api/v1/parts-requests/" + requestB, customerTokenB).json();
        assertEquals("QUOTED", requestSeenByB.getString("status"));
        assertEquals("SUBMITTED", requestSeenByB.getJsonArray("quotes").getJsonObject(0).getString("status"));
        assertEquals(200, api.get("api/v1/account", customerTokenB).status(), "B's session still stands");
        assertFalse(api.get("api/v1/notifications", customerTokenB).body().contains("\"readAt\""), "B's notifications unread");
        JsonObject orderSeenByB = api.get("api/v1/orders/" + orderB.getString("id"), customerTokenB).json();
        assertEquals("AWAITING_PAYMENT", orderSeenByB.getString("status"));
        assertEquals(orderB.getJsonNumber("version").longValue(), orderSeenByB.getJsonNumber("version").longValue(), "B's order untouched");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM shop_catalog_part WHERE part_id = ?::uuid AND name = 'Secret Part B'",
                partB), "B's mirrored part untouched");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM shop_customer WHERE customer_id = ?::uuid AND name = 'Secret Fleet B'",
                shopCustomerB), "B's mirrored customer untouched");
    }

    /** Operations of the running application's OpenAPI document; logout operations last, as they end the caller's session. */
    static List<Operation> documentedOperations(Api api, URL deployment) {
        JsonObject paths = OpenApi.document(api, deployment).getJsonObject("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                List<String> query = new ArrayList<>();
                JsonValue parameters = operation.asJsonObject().get("parameters");
                if (parameters != null) {
                    parameters.asJsonArray().getValuesAs(JsonObject.class).stream()
                            .filter(p -> "query".equals(p.getString("in", ""))).forEach(p -> query.add(p.getString("name")));
                }
                operations.add(new Operation(method.toUpperCase(), path.replaceFirst("^/api/v1", ""), query,
                        operation.asJsonObject().containsKey("requestBody")));
            }
        }));
        operations.sort(Comparator.comparing((Operation o) -> o.path().contains("logout")).thenComparing(Operation::path));
        return operations;
    }

    /** The operation's path with B's ids in its parameters: one path per candidate id. */
    private static List<String> pathsWithIdsOfB(Operation operation, Map<String, List<String>> idsOfB) {
        List<String> paths = new ArrayList<>(List.of(operation.path()));
        var parameter = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
        while (parameter.find()) {
            String name = parameter.group(1);
            List<String> candidates = idsOfB.get(name);
            if (candidates == null) {
                fail("path parameter {" + name + "} of " + operation + " is unknown to the cross-tenant probe: add B's ids for it");
            }
            List<String> expanded = new ArrayList<>();
            for (String path : paths) {
                for (String id : candidates) {
                    expanded.add(path.replace("{" + name + "}", id));
                }
            }
            paths = expanded;
        }
        return paths;
    }

    /**
     * A well-formed body for operations that take one, so that the probe reaches the ownership check rather than
     * stopping at validation (and the hostile-input probe has something to spoil field by field). An operation with a
     * body not listed here fails the probe.
     */
    static String bodyFor(Operation operation, JsonObject requestOfB, String shopOfB) {
        if (!operation.takesBody()) {
            return null;
        }
        return switch (operation.method() + " " + operation.path()) {
            case "PUT /shop/requests/{id}/quote" -> MarketplaceIT.quote(requestOfB, "1.00", "1").toString();
            case "POST /parts-requests" -> MarketplaceIT.partsRequest("PROBE", 1).build().toString();
            case "POST /supplier/catalog-feed" -> PartnerIT.feed("probe", "INCREMENTAL", 1, true,
                    PartnerIT.item("PROBE-1", "Bosch", "Probe part", "1.00", null, "PROBE", "Probe", 2010, 2020, null)).toString();
            case "POST /auth/login" -> "{\"email\":\"nobody-of-b@test.example\",\"password\":\"" + Fixtures.PASSWORD + "\"}";
            case "POST /api-keys" -> AccountsIT.newKey("Probe key", "orders:read").toString();
            case "POST /auth/api-key" -> "{\"apiKey\":\"clutch_not-a-key-of-anyone\"}";
            case "POST /auth/refresh" -> "{\"refreshToken\":\"not-a-token-of-anyone\"}";
            case "POST /auth/login/second-factor" -> "{\"challenge\":\"not-a-challenge-of-anyone\",\"code\":\"123456\"}";
            // The caller's own second factor: there is nothing of B's to reach (wrong codes, answered 400).
            // A wrong password: an erasure of the caller's own account that must not happen mid-probe.
            case "POST /account/erasure" -> "{\"password\":\"not the password\"}";
            case "POST /account/mfa/enrolment/confirm", "POST /account/mfa/backup-codes", "POST /account/mfa/disable" -> "{\"code\":\"000000\"}";
            // Registration creates the caller's own new account: there is nothing of B's to reach.
            case "POST /customers" -> "{}";
            case "PUT /tenant", "PUT /tenants/{id}" -> TenancyIT.settings("Probe Settings", "KES", "16").build().toString();
            case "POST /tenants" -> "{\"kind\":\"SHOP_BUSINESS\",\"settings\":" + TenancyIT.settings("Probe", "KES", "16").build() + "}";
            case "PUT /tenants/{id}/plan" -> "{\"plan\":\"STARTER\"}";
            case "POST /shops", "PUT /shops/{id}/business-info" -> TenancyIT.businessInfo("Probe Shop").toString();
            case "PUT /shops/{id}/location" -> TenancyIT.location(-1.28, 36.81, 10).toString();
            case "PUT /shops/{id}/makes" -> TenancyIT.makes("PROBE").toString();
            case "PUT /shops/{id}/inventory" -> "{\"source\":\"MANUAL\"}";
            case "PUT /shops/{id}/pricing" -> "{\"strategy\":\"MANUAL\"}";
            // Sent as JSON, which the upload refuses (415) before anything else; the download is probed instead.
            case "POST /shops/{id}/documents" -> "{}";
            case "POST /shops/{id}/reject", "POST /shops/{id}/suspend" -> TenancyIT.reason("probe").toString();
            // Invitations and role changes naming B's shop: a shop of another tenant is refused like an unknown one.
            case "POST /staff/invitations", "POST /tenants/{id}/invitations" ->
                    TenancyIT.invitation("probe-" + java.util.UUID.randomUUID() + "@test.example", "SHOP_STAFF", java.util.UUID.fromString(shopOfB)).toString();
            case "PUT /staff/{id}/role" -> "{\"role\":\"SHOP_STAFF\",\"shopId\":\"" + shopOfB + "\"}";
            case "POST /invitations/accept" -> "{\"token\":\"not-an-invitation-of-anyone\",\"password\":\"" + Fixtures.PASSWORD + "\"}";
            case "POST /orders/{id}/payment" -> OrdersIT.cardPayment(OrdersIT.GOOD_CARD).toString();
            case "POST /orders/{id}/payments" -> "{\"amount\":1,\"currency\":\"KES\"}";
            case "POST /orders/{id}/shipment" -> "{\"carrier\":\"Probe Couriers\"}";
            case "POST /orders/{id}/cancellation" -> "{\"reason\":\"probe\"}";
            case "POST /orders/{id}/refunds" -> "{\"lines\":[],\"includeFreight\":true,\"reason\":\"probe\"}";
            case "PUT /billing/plans/{id}" -> "{\"name\":\"Probe\",\"commissionPercent\":1,\"prices\":[{\"currency\":\"KES\",\"monthlyFee\":1,\"minimumFee\":1}]}";
            case "POST /billing/runs" -> "{\"period\":\"2020-01\"}";
            case "POST /invoices/{id}/void" -> "{\"reason\":\"probe\"}";
            case "PATCH /sync/shops/{id}/catalog/{partId}" -> "{\"name\":\"probe\"}";
            case "PATCH /sync/shops/{id}/customers/{customerId}" -> "{\"name\":\"probe\"}";
            // relinking B's supplier: B's shop is refused like an unknown one before the partner is looked at
            case "PUT /sync/shops/{id}/suppliers/{supplierId}/partner" -> "{\"partnerTenantId\":\"" + java.util.UUID.randomUUID() + "\"}";
            default -> fail("the cross-tenant probe has no body for " + operation + ": add one");
        };
    }
}
