package org.clutch.marketplace;

/** The life of a parts request. SUBMITTED and QUOTED are open; the others are final. */
public enum RequestStatus {
    SUBMITTED, QUOTED, ACCEPTED, CANCELLED, EXPIRED;

    public boolean isOpen() {
        return this == SUBMITTED || this == QUOTED;
    }
}
