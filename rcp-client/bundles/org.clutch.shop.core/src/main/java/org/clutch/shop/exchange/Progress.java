package org.clutch.shop.exchange;

/** Where long work reports how far it got, and learns whether the person cancelled it. */
public interface Progress {

    Progress NONE = new Progress() {
    };

    default void started(String task, int totalUnits) {
    }

    default void advanced(int units) {
    }

    default boolean isCancelled() {
        return false;
    }
}
