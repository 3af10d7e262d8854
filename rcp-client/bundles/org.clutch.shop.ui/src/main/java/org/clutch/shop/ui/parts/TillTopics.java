package org.clutch.shop.ui.parts;

/** Event topics other screens use to hand something to the till (the point-of-sale part). */
final class TillTopics {

    /** Data: the {@link org.clutch.shop.customers.Customer} to sell to. */
    static final String SELL_TO = "org/clutch/shop/till/sellTo";

    /** Data: the {@link org.clutch.shop.catalog.PartSummary} to add to the sale, one unit. */
    static final String ADD_PART = "org/clutch/shop/till/addPart";

    static final String TILL_PART = "org.clutch.shop.part.pos";

    private TillTopics() {
    }
}
