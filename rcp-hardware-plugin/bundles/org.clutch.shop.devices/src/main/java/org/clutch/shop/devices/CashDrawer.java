package org.clutch.shop.devices;

/** The till's cash drawer: it can be told to open; whether it is shut is not reported by most drawers. */
public interface CashDrawer extends Device {

    void open();
}
