package org.clutch.shop.ui;

import org.clutch.shop.Shop;
import org.clutch.shop.staff.Staff;

/** Who is at the till, in which shop, and how to ask them things. Put in the e4 context at login. */
public record ShopSession(Shop shop, Staff staff, Prompter prompter) {
}
