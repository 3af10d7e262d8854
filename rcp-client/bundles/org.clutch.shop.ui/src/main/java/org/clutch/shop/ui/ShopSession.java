package org.clutch.shop.ui;

import java.util.Optional;

import org.clutch.shop.Shop;
import org.clutch.shop.staff.Staff;

/**
 * Who is at the till, in which shop, how to ask them things, and the devices at hand. Put in the e4 context at
 * login.
 */
public record ShopSession(Shop shop, Staff staff, Prompter prompter, Devices devices) {

    public ShopSession(Shop shop, Staff staff, Prompter prompter) {
        this(shop, staff, prompter, Devices.none());
    }

    /**
     * The manager to act for something only a manager may do: the person signed in when they are one,
     * otherwise a manager who signs in at the till to approve; empty when none does.
     */
    public Optional<Staff> manager(String why) {
        return staff.isManager() ? Optional.of(staff) : prompter.managerApproval(why);
    }
}
