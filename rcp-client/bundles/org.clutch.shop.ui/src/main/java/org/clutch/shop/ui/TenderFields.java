package org.clutch.shop.ui;

import java.util.ArrayList;
import java.util.List;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Settlement;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The till's payment fields (cash received, card, on account) and the change due, in a two-column composite. */
final class TenderFields {

    private final ShopCurrency money;
    private final Text cash;
    private final Text card;
    private final Text account;
    private final Label change;

    TenderFields(Composite parent, ShopCurrency money) {
        this.money = money;
        cash = Screens.field(parent, "Cash received", "cash", SWT.BORDER | SWT.RIGHT);
        card = Screens.field(parent, "Card", "card", SWT.BORDER | SWT.RIGHT);
        account = Screens.field(parent, "On account", "account", SWT.BORDER | SWT.RIGHT);
        change = Screens.valueRow(parent, "Change", "change");
    }

    /** Runs {@code action} whenever a payment is typed; Enter in the cash field runs {@code onEnter}. */
    void onTyping(Runnable action, Runnable onEnter) {
        for (Text field : List.of(cash, card, account)) {
            field.addListener(SWT.Modify, e -> action.run());
        }
        cash.addListener(SWT.DefaultSelection, e -> onEnter.run());
    }

    /** What the customer pays with: account first, then card, then cash (the last, as change comes from cash). */
    List<Tender> tenders() {
        List<Tender> tenders = new ArrayList<>();
        if (!account.getText().isBlank()) {
            tenders.add(Tender.account(amount(account, "On account")));
        }
        if (!card.getText().isBlank()) {
            tenders.add(Tender.card(amount(card, "Card"), null));
        }
        if (!cash.getText().isBlank()) {
            tenders.add(Tender.cash(amount(cash, "Cash received")));
        }
        return tenders;
    }

    /** Shows the change due on {@code totalMinor}, or what is still due; a dash while a field holds no amount. */
    void showChange(long totalMinor) {
        try {
            Settlement settlement = Settlement.of(totalMinor, tenders());
            change.setText(settlement.isSettled() ? money.format(settlement.changeMinor())
                    : "due " + money.format(settlement.dueMinor()));
        } catch (RuleException | IllegalArgumentException e) {
            change.setText("—");
        }
        change.getParent().layout();
    }

    void clear() {
        cash.setText("");
        card.setText("");
        account.setText("");
    }

    /** The amount typed in a payment field; a problem names the field. */
    private long amount(Text field, String caption) {
        try {
            return money.parse(field.getText());
        } catch (IllegalArgumentException | RuleException e) {
            throw new RuleException(caption + ": " + e.getMessage());
        }
    }
}
