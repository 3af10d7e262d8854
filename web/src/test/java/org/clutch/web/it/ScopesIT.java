package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API-key scopes, as a partner's integrator meets them: generated from the running application's OpenAPI document, so
 * that an operation added tomorrow is checked too, and then the partner's own flows over REST with its keys.
 */
class ScopesIT extends DeployedApplication {

    private static final String KEY_SCHEME = "partnerKey";

    /** An operation of the document and the scopes a key needs for it; empty when no key may call it. */
    private record KeyOperation(String method, String path, String mediaType, Optional<Set<String>> scopes) {
    }

    @Test
    void everyOperationRefusesAKeyWithoutItsScopeAndServesOneWithIt() {
        JsonObject document = OpenApi.document(api, deployment);
        Set<String> allScopes = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject(KEY_SCHEME)
                .getJsonObject("flows").getJsonObject("clientCredentials").getJsonObject("scopes").keySet();
        assertEquals(Set.of("parts-requests:write", "parts-requests:read", "orders:read", "orders:write", "catalog:write",
                "purchase-orders:read"), allScopes, "the document lists every scope a key can have");
        Fixtures partner = new Fixtures("PARTNER");
        String admin = api.token(partner.tenantAdmin("Scope Admin"));
        String everything = api.keyToken(admin, allScopes.toArray(String[]::new));
        Map<String, String> allBut = new LinkedHashMap<>();
        for (String scope : allScopes) {
            Set<String> others = new TreeSet<>(allScopes);
            others.remove(scope);
            allBut.put(scope, api.keyToken(admin, others.toArray(String[]::new)));
        }

        List<String> failures = new ArrayList<>();
        int openToKeys = 0;
        for (KeyOperation operation : operations(document)) {
            String path = "api/v1" + operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            String what = operation.method() + " " + operation.path();
            if (operation.path().contains("logout")) {
                continue; // a person's session; a key's token is refused there like anywhere not open to keys, checked below
            }
            Api.Reply withAll = call(operation, path, everything);
            if (operation.scopes().isEmpty()) {
                if (withAll.status() != 403) {
                    failures.add(what + " is not open to keys, yet a key with every scope got " + withAll);
                }
                continue;
            }
            openToKeys++;
            if (withAll.status() == 401 || withAll.status() == 403 || withAll.status() >= 500) {
                failures.add(what + " needs " + operation.scopes().get() + ", yet a key with every scope got " + withAll);
            }
            for (String needed : operation.scopes().get()) {
                Api.Reply without = call(operation, path, allBut.get(needed));
                if (without.status() != 403 || !without.body().contains("missing-scope") || !without.body().contains(needed)) {
                    failures.add(what + " needs " + needed + ", yet a key without it got " + without);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(openToKeys >= 12, "the partner operations are in the document with their scopes: " + openToKeys);
        Api.Reply logout = api.post("api/v1/auth/logout", everything, null);
        assertEquals(403, logout.status(), "a key is no session to log out: " + logout);
        assertTrue(logout.body().contains("not-open-to-api-keys"), logout.body());
    }

    @Test
    void aFleetBuysOverRestWithItsKeyAsItsBrokerMessagesWould() throws InterruptedException {
        String make = fixtures.uniqueMake("Fleet");
        var shop = fixtures.activeShop("Fleet Supply Shop", -1.2676, 36.8108, 15, make);
        String shopToken = api.token(shop.email());
        Fixtures fleet = new Fixtures("PARTNER", "BUYER");
        String admin = api.token(fleet.tenantAdmin("Fleet Admin"));
        String key = api.keyToken(admin, "parts-requests:write", "parts-requests:read", "orders:read", "orders:write");

        Api.Reply submitted = api.post("api/v1/parts-requests", key, MarketplaceIT.partsRequest(make, 2).build());
        assertEquals(201, submitted.status(), submitted.toString());
        String requestId = submitted.json().getString("id");
        JsonObject request = api.awaitDispatched(shopToken, requestId).getJsonObject("request");
        Api.Reply quoted = api.put("api/v1/shop/requests/" + requestId + "/quote", shopToken, MarketplaceIT.quote(request, "2500.00", "150"));
        assertEquals(200, quoted.status(), quoted.toString());
        String quoteId = quoted.json().getJsonObject("myQuote").getString("id");

        JsonArray listed = api.get("api/v1/parts-requests", key).json().getJsonArray("items");
        assertEquals(requestId, listed.getJsonObject(0).getString("id"), "the fleet lists its own request");
        Api.Reply accepted = api.post("api/v1/parts-requests/" + requestId + "/quotes/" + quoteId + "/accept", key, null);
        assertEquals(200, accepted.status(), accepted.toString());
        String orderId = accepted.json().getString("orderId");
        assertEquals(orderId, api.get("api/v1/orders", key).json().getJsonArray("items").getJsonObject(0).getString("id"));
        Api.Reply paid = api.post("api/v1/orders/" + orderId + "/payment", key, Json.createObjectBuilder().add("method", "BANK_TRANSFER").build());
        assertEquals(200, paid.status(), paid.toString());
        assertEquals("BANK_TRANSFER", paid.json().getString("paymentMethod"), paid.body());
        assertEquals(1, Fixtures.count("SELECT count(*) FROM customer_order o JOIN partner_buyer b ON b.customer_id = o.customer_id "
                + "WHERE o.id = ?::uuid AND b.tenant_id = ?", orderId, fleet.tenantId()), "the fleet buys as its own customer");

        String readOnly = api.keyToken(admin, "orders:read");
        Api.Reply cancel = api.post("api/v1/orders/" + orderId + "/cancellation", readOnly, Json.createObjectBuilder().add("reason", "x").build());
        assertEquals(403, cancel.status(), cancel.toString());
        assertTrue(cancel.body().contains("orders:write"), "the refusal names the scope: " + cancel.body());
        assertEquals("AWAITING_PAYMENT", api.get("api/v1/orders/" + orderId, key).json().getString("status"), "nothing changed");
    }

    @Test
    void aSupplierFeedsTheCatalogOverRestAndOnlyASupplierMay() {
        String make = fixtures.uniqueMake("Feed");
        Fixtures supplier = new Fixtures("PARTNER", "SUPPLIER");
        String key = api.keyToken(api.token(supplier.tenantAdmin("Supplier Admin")), "catalog:write", "purchase-orders:read");
        JsonObject feed = PartnerIT.feed("rest-" + make, "INCREMENTAL", 1, true,
                PartnerIT.item("RB-" + make, "Bosch", "Brake pads, front", "4200.00", "3100.00", make, "Axio", 2012, 2018, null));
        Api.Reply applied = api.post("api/v1/supplier/catalog-feed", key, feed);
        assertEquals(200, applied.status(), applied.toString());
        assertEquals(1, applied.json().getInt("items"));
        var shop = fixtures.activeShop("Feed Reader Shop", -1.2676, 36.8108, 15, make);
        Api.Reply fitting = api.get("api/v1/catalog/supplier-parts?make=" + make + "&model=Axio&year=2015", api.token(shop.email()));
        assertTrue(fitting.body().contains("RB-" + make), "a shop finds the part fed over REST: " + fitting);
        Api.Reply orders = api.get("api/v1/supplier/purchase-orders", key);
        assertEquals(200, orders.status(), orders.toString());
        assertEquals(0, orders.json().getInt("total"), "no shop has ordered from it yet");

        Api.Reply invalid = api.post("api/v1/supplier/catalog-feed", key, PartnerIT.feed("rest-bad-" + make, "INCREMENTAL", 1, true,
                PartnerIT.item("", "Bosch", "No number", "1.00", null, make, "Axio", 2012, 2018, null)));
        assertEquals(400, invalid.status(), invalid.toString());
        assertTrue(invalid.body().contains("items[0].partNumber"), invalid.body());

        Fixtures fleet = new Fixtures("PARTNER", "BUYER");
        String fleetKey = api.keyToken(api.token(fleet.tenantAdmin("Fleet Admin")), "catalog:write");
        Api.Reply notSupplier = api.post("api/v1/supplier/catalog-feed", fleetKey, PartnerIT.feed("fleet-" + make, "INCREMENTAL", 1, true,
                PartnerIT.item("FL-" + make, "Bosch", "Not a supplier's", "1.00", null, make, "Axio", 2012, 2018, null)));
        assertEquals(403, notSupplier.status(), "a fleet is no supplier, whatever its key says: " + notSupplier);
        Api.Reply notBuyer = api.post("api/v1/parts-requests", api.keyToken(api.token(supplier.tenantAdmin("Supplier Admin 2")),
                "parts-requests:write"), MarketplaceIT.partsRequest(make, 1).build());
        assertEquals(403, notBuyer.status(), "a supplier is no buyer: " + notBuyer);
    }

    /** The operation called with an empty body of its documented media type, when it takes one. */
    private Api.Reply call(KeyOperation operation, String path, String token) {
        if (operation.mediaType() == null || operation.mediaType().equals("application/json")) {
            return api.send(operation.method(), path, token, operation.mediaType() == null ? null : "{}");
        }
        return api.sendBytes(operation.method(), path, token, operation.mediaType(), new byte[] {'%'});
    }

    private static List<KeyOperation> operations(JsonObject document) {
        List<KeyOperation> operations = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            JsonObject operation = value.asJsonObject();
            Optional<Set<String>> scopes = Optional.empty();
            JsonValue security = operation.get("security");
            if (security instanceof JsonArray alternatives) {
                for (JsonObject alternative : alternatives.getValuesAs(JsonObject.class)) {
                    if (alternative.containsKey(KEY_SCHEME)) {
                        scopes = Optional.of(new TreeSet<>(alternative.getJsonArray(KEY_SCHEME).getValuesAs(jakarta.json.JsonString.class)
                                .stream().map(jakarta.json.JsonString::getString).toList()));
                    }
                }
            }
            String mediaType = operation.containsKey("requestBody")
                    ? operation.getJsonObject("requestBody").getJsonObject("content").keySet().iterator().next() : null;
            operations.add(new KeyOperation(method.toUpperCase(), path.replaceFirst("^/api/v1", ""), mediaType, scopes));
        }));
        return operations;
    }
}
