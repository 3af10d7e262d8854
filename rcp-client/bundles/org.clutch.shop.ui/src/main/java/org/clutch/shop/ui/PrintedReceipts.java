package org.clutch.shop.ui;

import java.time.ZoneId;
import java.util.List;

import org.clutch.shop.devices.ReceiptDocument;
import org.clutch.shop.money.Tender;
import org.clutch.shop.profile.ShopProfile;
import org.clutch.shop.sales.Receipt;
import org.clutch.shop.sales.SaleRecord;

/** A sale's receipt as a printer gets it: the shop's name as the heading, the sale number as a barcode. */
final class PrintedReceipts {

    private PrintedReceipts() {
    }

    static ReceiptDocument of(SaleRecord sale, ShopProfile shop, int columns, ZoneId zone) {
        List<String> lines = Receipt.lines(sale, shop, columns, zone);
        // the first line is the shop's name, which the printer sets large as the heading
        boolean cash = sale.tenders().stream().anyMatch(t -> t.kind() == Tender.Kind.CASH);
        return new ReceiptDocument(shop.name(), lines.subList(1, lines.size()), sale.number(), cash);
    }
}
