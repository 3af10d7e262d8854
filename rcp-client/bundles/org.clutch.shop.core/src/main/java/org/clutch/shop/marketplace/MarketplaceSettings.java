package org.clutch.shop.marketplace;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.common.InboxMessage;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.db.ShopSettingsTable;

/**
 * The shop's settings on the marketplace as they last came on its inbox ({@link ShopInboxTypes#SHOP_SETTINGS}):
 * whether it may trade (a suspended shop gets no requests), where and which makes it serves, how it prices, whether
 * it quotes automatically. Kept in the local settings, so the shop reads them offline too; only the latest counts.
 */
public final class MarketplaceSettings {

    private static final String KEY = "marketplace.settings";
    private static final String WHAT = "shop settings";

    /** The settings as the desktop shows them. */
    public record Settings(String name, String status, String statusReason, BigDecimal serviceRadiusKm, List<String> makes,
            String pricingStrategy, BigDecimal pricingPercent, boolean autoQuote, OffsetDateTime at) {

        /** "Westlands Auto Spares: active; TOYOTA, NISSAN within 15 km; list price less 10 %; automatic quotes on". */
        public String summary() {
            String pricing = pricingStrategy == null ? "prices not set"
                    : switch (pricingStrategy) {
                        case "LIST_MINUS" -> "list price less " + pricingPercent.stripTrailingZeros().toPlainString() + " %";
                        case "COST_PLUS" -> "cost plus " + pricingPercent.stripTrailingZeros().toPlainString() + " %";
                        default -> "prices set by hand";
                    };
            return name + ": " + status.toLowerCase().replace('_', ' ') + (statusReason == null ? "" : " (" + statusReason + ")")
                    + "; " + String.join(", ", makes) + (serviceRadiusKm == null ? "" : " within "
                    + serviceRadiusKm.stripTrailingZeros().toPlainString() + " km") + "; " + pricing + "; automatic quotes "
                    + (autoQuote ? "on" : "off");
        }
    }

    private final ShopDatabase database;

    public MarketplaceSettings(ShopDatabase database) {
        this.database = database;
    }

    /** @throws RuleException when the message cannot be read (with why); nothing is kept then */
    public Settings receive(SyncEvent event) {
        Settings settings = InboxMessage.read(event, ShopInboxTypes.SHOP_SETTINGS, WHAT, MarketplaceSettings::settings);
        ShopSettingsTable.write(database, Map.of(KEY, event.payload()));
        return settings;
    }

    public Optional<Settings> current() {
        return Optional.ofNullable(database.read(c -> ShopSettingsTable.read(c, List.of(KEY))).get(KEY))
                .map(payload -> InboxMessage.readPayload(payload, WHAT, MarketplaceSettings::settings));
    }

    private static Settings settings(JsonObject o) {
        return new Settings(o.getString("name"), o.getString("status"),
                o.get("statusReason") instanceof JsonString reason ? reason.getString() : null,
                o.get("serviceRadiusKm") instanceof JsonNumber radius ? radius.bigDecimalValue() : null,
                o.getJsonArray("makes").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                o.get("pricingStrategy") instanceof JsonString strategy ? strategy.getString() : null,
                o.get("pricingPercent") instanceof JsonNumber percent ? percent.bigDecimalValue() : BigDecimal.ZERO,
                o.getBoolean("autoQuote", false), OffsetDateTime.parse(o.getString("at")));
    }
}
