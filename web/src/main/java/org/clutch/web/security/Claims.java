package org.clutch.web.security;

/** Private claims Clutch puts in its tokens, binding the holder to one customer or one shop. */
public final class Claims {

    public static final String CUSTOMER_ID = "customer_id";
    public static final String SHOP_ID = "shop_id";

    private Claims() {
    }
}
