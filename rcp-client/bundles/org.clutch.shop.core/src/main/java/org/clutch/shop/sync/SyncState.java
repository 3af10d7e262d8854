package org.clutch.shop.sync;

import java.time.Instant;

/**
 * What the shop sees of the sync at a glance: whether the backend's broker answers, how many changes wait to be
 * sent, when the last sync succeeded, and the last problem: in the shop's words, with the technical detail apart for
 * whoever supports the shop.
 */
public record SyncState(Status status, long waiting, Instant lastSuccess, String problem, String problemDetail,
        Instant problemAt) {

    public enum Status {
        /** No marketplace shop id or broker set: the shop works offline only. */
        NOT_SET_UP,
        /** Not tried yet since the desktop started. */
        STARTING,
        ONLINE,
        OFFLINE
    }

    static SyncState starting(long waiting) {
        return new SyncState(Status.STARTING, waiting, null, null, null, null);
    }

    SyncState notSetUp(long waitingNow) {
        return new SyncState(Status.NOT_SET_UP, waitingNow, lastSuccess, problem, problemDetail, problemAt);
    }

    SyncState online(long waitingNow, Instant at) {
        return new SyncState(Status.ONLINE, waitingNow, at, problem, problemDetail, problemAt);
    }

    SyncState offline(long waitingNow, String why, String detail, Instant at) {
        return new SyncState(Status.OFFLINE, waitingNow, lastSuccess, why, detail, at);
    }

    SyncState failed(long waitingNow, String why, String detail, Instant at) {
        return new SyncState(status, waitingNow, lastSuccess, why, detail, at);
    }
}
