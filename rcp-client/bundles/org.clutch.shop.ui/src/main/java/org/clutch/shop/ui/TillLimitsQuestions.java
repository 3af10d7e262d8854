package org.clutch.shop.ui;

import java.util.Optional;

import org.clutch.shop.money.Discount;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.sales.TillLimits;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.Screens.StatusLine;

/** A manager sets how far clerks may go alone at the till: the largest discount and the largest refund. */
final class TillLimitsQuestions {

    private TillLimitsQuestions() {
    }

    static void ask(ShopSession session, StatusLine status) {
        Optional<Staff> manager = session.manager("Changing the clerks' limits needs a manager.");
        if (manager.isEmpty()) {
            return;
        }
        ShopCurrency money = session.shop().profile().currency();
        TillLimits now = session.shop().tillSettings().limits();
        Optional<String> discountText = session.prompter().askText("Till limits", "Largest discount a clerk may give"
                + " without a manager, as a percentage of the sale:", Discount.percentText(now.clerkDiscountLimitBp()));
        if (discountText.isEmpty()) {
            return;
        }
        Discount discountLimit = Discount.parse(discountText.get().trim().endsWith("%") ? discountText.get()
                : discountText.get().trim() + "%", money);
        Optional<String> refundText = session.prompter().askText("Till limits", "Largest refund a clerk may give"
                + " without a manager (" + money.code() + "):", money.format(now.clerkRefundLimitMinor()));
        if (refundText.isEmpty()) {
            return;
        }
        TillLimits limits = new TillLimits((int) discountLimit.value(), money.parse(refundText.get()));
        session.shop().tillSettings().changeLimits(limits, manager.get());
        status.info("Clerks may now give discounts up to " + Discount.percentText(limits.clerkDiscountLimitBp())
                + " and refunds up to " + money.format(limits.clerkRefundLimitMinor()) + " without a manager.");
    }
}
