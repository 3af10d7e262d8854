package org.clutch.shop.sales;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.Tender;
import org.clutch.shop.profile.ShopProfile;

/**
 * The text of a receipt, laid out for a till roll of {@code width} characters (42 on 80 mm paper, 32 on 58 mm).
 * The same lines are shown on screen and sent to a receipt printer.
 */
public final class Receipt {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Receipt() {
    }

    public static List<String> lines(SaleRecord sale, ShopProfile shop, int width, ZoneId zone) {
        ShopCurrency money = shop.currency();
        boolean isReturn = sale.kind() == SaleRecord.Kind.RETURN;
        List<String> out = new ArrayList<>();
        out.add(center(shop.name(), width));
        out.add(center(isReturn ? "REFUND " + sale.number() : "SALE " + sale.number(), width));
        if (isReturn) {
            out.add(center("against sale " + sale.originalNumber(), width));
        }
        out.add(center(WHEN.format(sale.completedAt().atZone(zone)) + "  " + sale.staffName(), width));
        if (sale.customerName() != null) {
            out.add(center("Customer: " + sale.customerName(), width));
        }
        out.add("-".repeat(width));
        for (SaleRecord.Line line : sale.lines()) {
            out.add(cut(line.description(), width));
            String left = "  " + line.quantity() + " x " + money.format(line.unitPriceMinor()) + "  " + line.partNumber();
            out.add(pair(left, money.format(line.quantity() * line.unitPriceMinor()), width));
            if (line.discountMinor() > 0) {
                out.add(pair("  discount", "-" + money.format(line.discountMinor()), width));
            }
        }
        out.add("-".repeat(width));
        // the figures are listed so that they add up: subtotal less discount (plus tax where it is added) is the total
        boolean taxAdded = !shop.tax().pricesIncludeTax();
        if (sale.discountMinor() > 0 || taxAdded) {
            out.add(pair("Subtotal", money.format(sale.subtotalMinor()), width));
        }
        if (sale.discountMinor() > 0) {
            out.add(pair("Discount", "-" + money.format(sale.discountMinor()), width));
        }
        if (taxAdded) {
            out.add(pair("Tax " + shop.tax().describe().replace(" added", ""), money.format(sale.taxMinor()), width));
        }
        out.add(pair(isReturn ? "REFUND " + money.code() : "TOTAL " + money.code(), money.format(sale.totalMinor()), width));
        if (!taxAdded) {
            out.add(pair("  incl. tax " + shop.tax().describe().replace(" included", ""), money.format(sale.taxMinor()), width));
        }
        for (Tender tender : sale.tenders()) {
            out.add(pair(tender.kind() == Tender.Kind.ACCOUNT ? (isReturn ? "Credited to account" : "Charged to account")
                    : (isReturn ? "Refunded " : "Paid ") + tender.kind().name().toLowerCase(),
                    money.format(tender.amountMinor()), width));
        }
        if (sale.changeMinor() > 0) {
            out.add(pair("Change", money.format(sale.changeMinor()), width));
        }
        if (sale.approvedByName() != null) {
            out.add(cut("Approved by " + sale.approvedByName(), width));
        }
        if (sale.status() == SaleRecord.Status.VOIDED) {
            out.add(center("*** VOIDED: " + sale.voidReason() + " ***", width));
        }
        out.add("");
        if (shop.receiptFooter() != null && !shop.receiptFooter().isBlank()) {
            wrap(shop.receiptFooter(), width).forEach(l -> out.add(center(l, width)));
        }
        return out;
    }

    static String pair(String left, String right, int width) {
        int room = width - right.length() - 1;
        return cut(left, Math.max(room, 1)) + " ".repeat(Math.max(1, width - Math.min(left.length(), room) - right.length())) + right;
    }

    static String center(String text, int width) {
        String t = cut(text, width);
        return " ".repeat((width - t.length()) / 2) + t;
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width);
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
