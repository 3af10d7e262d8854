package org.clutch.shop.sync;

import java.time.Instant;

/**
 * What the shop sees of the sync at a glance: whether the backend's broker answers, how many changes wait to be
 * sent, when the last sync succeeded, and the last problem.
 */
public record SyncState(Status status, long waiting, Instant lastSuccess, String problem, Instant problemAt) {

    public enum Status {
        /** No marketplace shop id or broker set: the shop works offline only. */
        NOT_SET_UP,
        /** Not tried yet since the desktop started. */
        STARTING,
        ONLINE,
        OFFLINE
    }

    static SyncState starting(long waiting) {
        return new SyncState(Status.STARTING, waiting, null, null, null);
    }

    SyncState notSetUp(long waitingNow) {
        return new SyncState(Status.NOT_SET_UP, waitingNow, lastSuccess, problem, problemAt);
    }

    SyncState online(long waitingNow, Instant at) {
        return new SyncState(Status.ONLINE, waitingNow, at, problem, problemAt);
    }

    SyncState offline(long waitingNow, String why, Instant at) {
        return new SyncState(Status.OFFLINE, waitingNow, lastSuccess, why, at);
    }

    SyncState failed(long waitingNow, String why, Instant at) {
        return new SyncState(status, waitingNow, lastSuccess, why, at);
    }
}
