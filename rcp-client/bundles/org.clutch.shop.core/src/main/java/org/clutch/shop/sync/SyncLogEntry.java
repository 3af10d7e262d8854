package org.clutch.shop.sync;

import java.time.Instant;

/** One line of the sync log. */
public record SyncLogEntry(Instant at, Kind kind, int events, String detail) {

    public enum Kind {
        /** A batch of events confirmed by the broker. */
        SENT,
        /** The broker answered again after being unreachable. */
        ONLINE,
        /** The broker could not be reached or stopped answering. */
        OFFLINE,
        /** What the marketplace said of one of the shop's quotes (taken, refused, accepted, declined). */
        QUOTE,
        /** What head office changed in the shop's catalog, and what was kept where both sides changed a field. */
        CATALOG,
        /** What head office changed of one of the shop's customers, and what was kept where both sides changed a field. */
        CUSTOMER,
        /** A marketplace order of the shop arrived or changed, and what its stock did. */
        ORDER,
        /** A supplier on the marketplace acknowledged or shipped one of the shop's purchase orders. */
        PURCHASING,
        /** The shop's settings on the marketplace changed (status, makes, radius, pricing, automatic quotes). */
        SETTINGS,
        /** Something other than the connection went wrong. */
        ERROR
    }
}
