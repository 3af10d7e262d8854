package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Billing over REST on Payara Micro with PostgreSQL: commission accrued by delivered orders and reversed by refunds,
 * the monthly run and its reruns, the invoice as JSON and as a PDF, voiding, and gapless numbers under concurrent
 * runs. A test's tenant is moved back in time (created months ago, its commission dated last month) so that a
 * finished month has something to bill.
 */
class BillingIT extends DeployedApplication {

    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    private String root;
    private String adminToken;

    @BeforeEach
    void tenantOfLongStanding() {
        Fixtures.sql("UPDATE tenant SET created_at = now() - interval '6 months', tax_rate_percent = 16, plan = 'STARTER',"
                + " legal_name = ? WHERE id = ?", "Billing Test Motors " + fixtures.tenantId().toString().substring(0, 8) + " Ltd", fixtures.tenantId());
        root = api.token(IntegrationServices.PLATFORM_ADMIN);
        adminToken = api.token(fixtures.tenantAdmin("Billing Admin"));
    }

    /** Moves the tenant's commission entries into the middle of {@code month} (in UTC; the tenant lives in Nairobi). */
    private void commissionHappenedIn(YearMonth month) {
        Fixtures.sql("UPDATE commission_entry SET occurred_at = ? WHERE tenant_id = ?",
                month.atDay(15).atTime(12, 0).atOffset(ZoneOffset.UTC), fixtures.tenantId());
    }

    private JsonObject run(YearMonth month) {
        return OrdersIT.ok(api.post("api/v1/billing/runs", root, Json.createObjectBuilder().add("period", month.toString()).build()));
    }

    private JsonObject outcomeFor(JsonObject report) {
        return report.getJsonArray("outcomes").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("tenantId").equals(fixtures.tenantId().toString())).findFirst()
                .orElseThrow(() -> new AssertionError("the run did not bill the tenant: " + report));
    }

    private List<JsonObject> invoices(String token) {
        return OrdersIT.ok(api.get("api/v1/invoices?size=100&tenantId=" + fixtures.tenantId(), token)).getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    /** Delivers an order of 1 x "Part 1" and 2 x "Part 2" at {@code unitPrice} each (plus 100 freight); answers it. */
    private JsonObject deliveredOrder(String customerToken, String shopToken, String make, String unitPrice) {
        JsonObject order = OrdersIT.placeOrder(api, customerToken, shopToken, make, unitPrice);
        String id = order.getString("id");
        OrdersIT.ok(api.post("api/v1/orders/" + id + "/payment", customerToken, OrdersIT.cardPayment(OrdersIT.GOOD_CARD)));
        for (String step : List.of("processing", "ready")) {
            OrdersIT.ok(api.post("api/v1/orders/" + id + "/" + step, shopToken, null));
        }
        OrdersIT.ok(api.post("api/v1/orders/" + id + "/shipment", shopToken, Json.createObjectBuilder().add("carrier", "Sendy").build()));
        return OrdersIT.ok(api.post("api/v1/orders/" + id + "/delivery", customerToken, null));
    }

    @Test
    void deliveredOrdersAreBilledOnceWithCommissionReversalsAndTaxAsJsonAndPdf() throws Exception {
        String make = fixtures.uniqueMake("Isuzu");
        var shop = fixtures.activeShop("Billing Shop", -1.2676, 36.8108, 15, make);
        String shopToken = api.token(shop.email());
        String customerToken = api.token(fixtures.customer("Billing Customer").email());
        String managerToken = api.token(fixtures.shopManager("Billing Manager", shop.shopId()));
        deliveredOrder(customerToken, shopToken, make, "1000.00");                       // parts 3,000: commission 5% = 150.00
        JsonObject second = deliveredOrder(customerToken, shopToken, make, "2000.00");   // parts 6,000: 300.00
        JsonObject partRefund = Json.createObjectBuilder()
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("lineId", second.getJsonArray("lines").getJsonObject(1).getString("id")).add("quantity", 1)))
                .add("includeFreight", true).add("goodsReturned", true).add("reason", "one part returned").build();
        OrdersIT.ok(api.post("api/v1/orders/" + second.getString("id") + "/refunds", managerToken, partRefund)); // 2,000 of parts: -100.00
        assertEquals(3, Fixtures.count("SELECT count(*) FROM commission_entry WHERE tenant_id = ?", fixtures.tenantId()),
                "two accruals and one reversal (freight refunds reverse nothing)");
        commissionHappenedIn(LAST_MONTH);

        JsonObject report = run(LAST_MONTH);
        JsonObject outcome = outcomeFor(report);
        assertEquals("ISSUED", outcome.getString("result"), outcome.toString());

        List<JsonObject> listed = invoices(adminToken);
        assertEquals(1, listed.size());
        JsonObject invoice = OrdersIT.ok(api.get("api/v1/invoices/" + listed.getFirst().getString("id"), adminToken));
        assertEquals("INV-000001", invoice.getString("number"));
        assertEquals("ISSUED", invoice.getString("status"));
        assertEquals("KES", invoice.getString("currency"));
        assertEquals(LAST_MONTH.atDay(1).toString(), invoice.getString("periodStart"));
        var lines = invoice.getJsonArray("lines").getValuesAs(JsonObject.class);
        assertEquals(List.of("SUBSCRIPTION", "COMMISSION", "REVERSAL"), lines.stream().map(l -> l.getString("kind")).toList());
        assertEquals(0, new BigDecimal("450.00").compareTo(lines.get(1).getJsonNumber("amount").bigDecimalValue()));
        assertEquals(2, lines.get(1).getInt("quantity"));
        assertEquals(0, new BigDecimal("-100.00").compareTo(lines.get(2).getJsonNumber("amount").bigDecimalValue()));
        assertEquals(0, new BigDecimal("350.00").compareTo(invoice.getJsonNumber("subtotal").bigDecimalValue()));
        assertEquals(0, new BigDecimal("56.00").compareTo(invoice.getJsonNumber("tax").bigDecimalValue()), "16% tax");
        assertEquals(0, new BigDecimal("406.00").compareTo(invoice.getJsonNumber("total").bigDecimalValue()));
        assertEquals(3, invoice.getJsonArray("commissions").size(), "the entries it bills are listed");

        // The PDF says the same, read back by an independent library.
        byte[] pdf = api.download("api/v1/invoices/" + invoice.getString("id") + "/pdf", adminToken);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains("INV-000001"), text);
        assertTrue(text.contains("Billing Test Motors"), text);
        assertTrue(text.contains("Total KES") && text.contains("406.00"), text);
        assertTrue(text.contains("Tax 16%") && text.contains("56.00"), text);

        // Running the month again bills nobody twice.
        JsonObject again = outcomeFor(run(LAST_MONTH));
        assertEquals("ALREADY_BILLED", again.getString("result"));
        assertEquals(1, invoices(root).size());

        // Void keeps the number; the month can then be billed again, under the next number, with the same commission.
        Api.Reply refused = api.post("api/v1/invoices/" + invoice.getString("id") + "/void", adminToken,
                Json.createObjectBuilder().add("reason", "mine").build());
        assertEquals(403, refused.status(), "tenant admins read invoices; platform admins void them");
        JsonObject voided = OrdersIT.ok(api.post("api/v1/invoices/" + invoice.getString("id") + "/void", root,
                Json.createObjectBuilder().add("reason", "wrong tax rate on file").build()));
        assertEquals("VOID", voided.getString("status"));
        assertEquals("INV-000001", voided.getString("number"));
        assertEquals("ISSUED", outcomeFor(run(LAST_MONTH)).getString("result"));
        List<JsonObject> after = invoices(root);
        assertEquals(List.of("INV-000002", "INV-000001"), after.stream().map(i -> i.getString("number")).toList());
        assertEquals(0, new BigDecimal("406.00").compareTo(after.getFirst().getJsonNumber("total").bigDecimalValue()));

        JsonObject paid = OrdersIT.ok(api.post("api/v1/invoices/" + after.getFirst().getString("id") + "/payment", root, null));
        assertEquals("PAID", paid.getString("status"));
        assertEquals(409, api.post("api/v1/invoices/" + after.getFirst().getString("id") + "/void", root,
                Json.createObjectBuilder().add("reason", "late").build()).status(), "a paid invoice is not voided");
    }

    @Test
    void concurrentRunsNumberEachTenantsInvoicesWithoutGapsAndBillEachMonthOnce() throws Exception {
        List<YearMonth> months = List.of(LAST_MONTH.minusMonths(2), LAST_MONTH.minusMonths(1), LAST_MONTH, LAST_MONTH,
                LAST_MONTH.minusMonths(2), LAST_MONTH.minusMonths(1));
        Simultaneously.run(months.size(), i -> run(months.get(i)));
        List<JsonObject> billed = invoices(root);
        assertEquals(List.of("INV-000001", "INV-000002", "INV-000003"), billed.stream().map(i -> i.getString("number")).sorted().toList(),
                "numbers 1, 2, 3: no gap, no repeat");
        assertEquals(3, billed.stream().map(i -> i.getString("periodStart")).distinct().count(), "one invoice per month");
        // With no orders, each month is the STARTER plan's subscription (zero in KES) and nothing else.
        billed.forEach(i -> assertEquals(0, BigDecimal.ZERO.compareTo(i.getJsonNumber("total").bigDecimalValue()), i.toString()));
    }

    @Test
    void runsAndPlansRefuseBadInputAndTheWrongPeople() {
        assertEquals(List.of("period"), api.post("api/v1/billing/runs", root, Json.createObjectBuilder().add("period", "2026-13").build()).fieldErrors());
        assertEquals(List.of("period"), api.post("api/v1/billing/runs", root,
                Json.createObjectBuilder().add("period", YearMonth.now(ZoneOffset.UTC).toString()).build()).fieldErrors(), "the month is not over");
        assertEquals(403, api.post("api/v1/billing/runs", adminToken, Json.createObjectBuilder().add("period", LAST_MONTH.toString()).build()).status());

        Api.Reply listed = api.get("api/v1/billing/plans", adminToken);
        assertEquals(200, listed.status(), listed.toString());
        List<JsonObject> plans = listed.jsonArray().getValuesAs(JsonObject.class);
        assertTrue(plans.stream().anyMatch(p -> p.getString("code").equals("STANDARD")), plans.toString());
        JsonObject badPlan = Json.createObjectBuilder().add("name", "Standard").add("commissionPercent", 120)
                .add("prices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("currency", "KES")
                        .add("monthlyFee", -1).add("minimumFee", 0))).build();
        assertEquals(List.of("commissionPercent", "prices[0].monthlyFee"), api.put("api/v1/billing/plans/STANDARD", root, badPlan).fieldErrors());
        assertEquals(403, api.put("api/v1/billing/plans/STANDARD", adminToken, badPlan).status());
        assertEquals(404, api.get("api/v1/invoices/" + UUID.randomUUID(), adminToken).status());
    }
}
