package org.clutch.shop.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.clutch.shop.Shop;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.osgi.Devices;

/**
 * Who is at the till, in which shop, how to ask them things, and the devices at hand. Put in the e4 context at
 * login. The person changes when someone else signs in at the same till; screens ask {@link #staff()} at the moment
 * they act, and those that show the person follow {@link #onSignIn}.
 */
public final class ShopSession {

    /**
     * Something on screen that must be settled before the person leaves the till: returns false to stay (a sale in
     * progress the person chose not to hold or discard).
     */
    @FunctionalInterface
    public interface LeavingCheck {
        boolean mayLeave(String leaving);
    }

    private final Shop shop;
    private final Prompter prompter;
    private final Devices devices;
    private final List<Consumer<Staff>> signInListeners = new CopyOnWriteArrayList<>();
    private final List<LeavingCheck> leavingChecks = new CopyOnWriteArrayList<>();
    private volatile Staff staff;

    public ShopSession(Shop shop, Staff staff, Prompter prompter, Devices devices) {
        this.shop = shop;
        this.staff = staff;
        this.prompter = prompter;
        this.devices = devices;
    }

    public ShopSession(Shop shop, Staff staff, Prompter prompter) {
        this(shop, staff, prompter, Devices.none());
    }

    public Shop shop() { return shop; }
    public Staff staff() { return staff; }
    public Prompter prompter() { return prompter; }
    public Devices devices() { return devices; }

    /**
     * The manager to act for something only a manager may do: the person signed in when they are one,
     * otherwise a manager who signs in at the till to approve; empty when none does.
     */
    public Optional<Staff> manager(String why) {
        return staff.isManager() ? Optional.of(staff) : prompter.managerApproval(why);
    }

    /** Calls {@code listener} with each person who signs in at this till from now on. */
    public void onSignIn(Consumer<Staff> listener) {
        signInListeners.add(listener);
    }

    public void removeSignInListener(Consumer<Staff> listener) {
        signInListeners.remove(listener);
    }

    public void addLeavingCheck(LeavingCheck check) {
        leavingChecks.add(check);
    }

    public void removeLeavingCheck(LeavingCheck check) {
        leavingChecks.remove(check);
    }

    /** True when everything on screen is settled for the person to {@code leaving} ("quit", "sign out"). */
    public boolean mayLeave(String leaving) {
        return leavingChecks.stream().allMatch(check -> check.mayLeave(leaving));
    }

    /** How a sign-out ended. */
    public enum SignOut {
        /** Something on screen was not settled; the person is still signed in. */
        STAYED,
        /** The next person (or the same one) signed in. */
        SIGNED_IN,
        /** Nobody signed in: the desktop closes. */
        NOBODY
    }

    /** Signs the person out, once nothing on screen is left unsettled, and lets the next one sign in. */
    public SignOut signOut() {
        if (!mayLeave("sign out")) {
            return SignOut.STAYED;
        }
        Optional<Staff> next = prompter.signIn(staff.displayName() + " signed out. Sign in to use the till.");
        if (next.isEmpty()) {
            return SignOut.NOBODY;
        }
        staff = next.get();
        signInListeners.forEach(listener -> listener.accept(next.get()));
        return SignOut.SIGNED_IN;
    }
}
