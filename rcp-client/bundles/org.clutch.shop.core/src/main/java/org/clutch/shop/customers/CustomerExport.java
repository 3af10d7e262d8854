package org.clutch.shop.customers;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.profile.ShopProfile;

/** A customer's records as they take them away: readable JSON, amounts as the shop writes them. */
final class CustomerExport {

    private CustomerExport() {
    }

    static String json(Customer customer, ShopProfile shop, List<PurchaseHistoryLine> purchases, List<AccountEntry> account,
            Instant at) {
        ShopCurrency money = shop.currency();
        JsonObjectBuilder details = JSON.createObjectBuilder().add("name", customer.name())
                .add("phone", text(customer.phone())).add("email", text(customer.email()))
                .add("taxNumber", text(customer.taxNumber())).add("note", text(customer.note()))
                .add("creditLimit", money.plain(customer.creditLimitMinor())).add("owes", money.plain(customer.balanceMinor()))
                .add("vehicles", CustomerEvents.vehicles(customer.vehicles()));
        JsonArrayBuilder bought = JSON.createArrayBuilder();
        purchases.forEach(p -> bought.add(JSON.createObjectBuilder().add("number", p.saleNumber()).add("kind", p.kind())
                .add("status", p.status()).add("at", String.valueOf(p.at())).add("items", p.items())
                .add("total", money.plain(p.totalMinor()))));
        JsonArrayBuilder statement = JSON.createArrayBuilder();
        account.forEach(e -> statement.add(JSON.createObjectBuilder().add("at", e.at().toString()).add("kind", e.kind().name())
                .add("amount", money.plain(e.amountMinor())).add("balanceAfter", money.plain(e.balanceAfterMinor()))
                .add("reference", text(e.reference())).add("by", text(e.staffName()))));
        StringWriter out = new StringWriter();
        try (JsonWriter writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(JSON.createObjectBuilder().add("shop", shop.name()).add("currency", money.code())
                    .add("exportedAt", at.toString()).add("customer", details).add("purchases", bought)
                    .add("account", statement).build());
        }
        return out.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
