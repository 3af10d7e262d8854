package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A car owner's rights over their data: to download all of it, and to have the account erased. */
class PrivacyIT extends DeployedApplication {

    @Test
    void aCarOwnerDownloadsEverythingHeldAboutThemAndNothingOfAnyoneElse() {
        String make = fixtures.uniqueMake("Export");
        var shop = fixtures.activeShop("Export Spares", -1.2676, 36.8108, 15, make);
        var owner = fixtures.customer("Wanjiru Export");
        String token = api.token(owner.email());
        JsonObject order = OrdersIT.placeOrder(api, token, api.token(shop.email()), make, "1500.00");
        var other = fixtures.customer("Someone Else");
        String othersRequest = api.post("api/v1/parts-requests", api.token(other.email()), MarketplaceIT.partsRequest(make, 1).build())
                .json().getString("id");

        Api.Raw download = api.sendFrom("127.0.0.1", "GET", "api/v1/account/personal-data", Map.of("Authorization", "Bearer " + token), null);
        assertEquals(200, download.status(), download.toString());
        assertTrue(download.header("content-disposition", "").contains("attachment"), download.toString());
        JsonObject data = Json.createReader(new java.io.StringReader(download.body())).readObject();
        assertEquals(owner.email(), data.getJsonObject("account").getString("email"));
        assertEquals(order.getString("requestId"), data.getJsonArray("partsRequests").getJsonObject(0).getString("id"));
        assertEquals(order.getString("number"), data.getJsonArray("orders").getJsonObject(0).getString("number"));
        assertEquals("Kenyatta Avenue, Nairobi", data.getJsonArray("orders").getJsonObject(0).getString("deliveryAddress"));
        assertFalse(data.getJsonArray("notifications").isEmpty(), "the quote's notification is theirs");
        assertTrue(data.getJsonArray("securityEvents").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> "LOGIN_SUCCEEDED".equals(e.getString("action"))), "their logins, with when and from where");
        assertFalse(download.body().contains(othersRequest) || download.body().contains(other.email()), "nothing of anyone else");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'PERSONAL_DATA_EXPORTED' AND actor_user_id = "
                + "(SELECT id FROM user_account WHERE email = ?)", owner.email()), "the download is audited");
        assertEquals(403, api.get("api/v1/account/personal-data", api.token(shop.email())).status(), "a car owner's right, over the API");
    }

    @Test
    void erasureNeedsThePasswordWaitsForOrdersUnderWayAndThenLeavesNothingOfThePerson() {
        String make = fixtures.uniqueMake("Erase");
        var shop = fixtures.activeShop("Erasure Spares", -1.2676, 36.8108, 15, make);
        String shopToken = api.token(shop.email());
        var owner = fixtures.customer("Otieno Erase");
        String token = api.token(owner.email());
        JsonObject order = OrdersIT.placeOrder(api, token, shopToken, make, "2100.00");
        String open = api.post("api/v1/parts-requests", token, MarketplaceIT.partsRequest(make, 1).build()).json().getString("id");

        Api.Reply wrong = api.post("api/v1/account/erasure", token, Json.createObjectBuilder().add("password", "not it").build());
        assertEquals(400, wrong.status(), wrong.toString());
        assertEquals(java.util.List.of("password"), wrong.fieldErrors());
        Api.Reply underWay = api.post("api/v1/account/erasure", token, password());
        assertEquals(409, underWay.status(), underWay.toString());
        assertTrue(underWay.body().contains(order.getString("number")), "names the order: " + underWay);
        assertEquals(200, api.get("api/v1/account", token).status(), "nothing was erased");

        assertEquals(200, api.post("api/v1/orders/" + order.getString("id") + "/cancellation", token,
                Json.createObjectBuilder().add("reason", "I live at 12 Secret Lane").build()).status());
        Api.Reply erased = api.post("api/v1/account/erasure", token, password());
        assertEquals(204, erased.status(), erased.toString());

        assertEquals(401, api.get("api/v1/account", token).status(), "the session ended with the account");
        assertEquals(401, api.login(owner.email(), Fixtures.PASSWORD).status(), "nobody logs in as them again");
        assertEquals(0, Fixtures.count("SELECT count(*) FROM user_account WHERE email = ?", owner.email()));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM customer WHERE id = ? AND display_name = 'Erased customer'", owner.customerId()));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM notification WHERE recipient_id = ?", owner.customerId()));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM parts_request WHERE customer_id = ? AND (delivery_address <> '(erased)' "
                + "OR delivery_instructions IS NOT NULL)", owner.customerId()));
        assertEquals("CANCELLED", Fixtures.text("SELECT status FROM parts_request WHERE id = ?::uuid", open), "the open request was cancelled");

        JsonObject kept = api.get("api/v1/orders/" + order.getString("id"), shopToken).json();
        assertEquals("(erased)", kept.getString("deliveryAddress"), "the order stays, without the person");
        assertEquals(order.getJsonNumber("total").bigDecimalValue(), kept.getJsonNumber("total").bigDecimalValue(), "its money as it was");
        assertFalse(kept.toString().contains("Secret Lane"), "their own words are gone too: " + kept);
        assertEquals(0, Fixtures.count("SELECT count(*) FROM audit_event WHERE actor_user_id = (SELECT id FROM user_account WHERE "
                + "customer_id = ?) AND address IS NOT NULL", owner.customerId()), "no address of theirs in the audit log");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'ACCOUNT_ERASED' AND target_id = ?",
                owner.customerId()), "the erasure is audited");
    }

    private static JsonObject password() {
        return Json.createObjectBuilder().add("password", Fixtures.PASSWORD).build();
    }
}
